using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Api.Tests.Triggers;

/// <summary>
/// The real application on Kestrel with the real clock (triggers wait for real delays here), private
/// networks allowed for loopback receivers, and short retry and poll intervals.
/// </summary>
public sealed class TriggerApp : WebApplicationFactory<Program>
{
    public const string WriteKey = "trigger-write-key";
    public const string ReadKey = "trigger-read-key";
    private readonly TempDirectory _data = new("op-triggers");

    public TriggerApp()
    {
        UseKestrel(0);
    }

    /// <summary>Extra settings, given before the first client is created.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public HttpClient CreateClient(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        client.Timeout = TimeSpan.FromMinutes(2);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ApiKeys:WriteKeys:0", WriteKey);
        builder.UseSetting("ApiKeys:ReadKeys:0", ReadKey);
        builder.UseSetting("Storage:Sqlite:DataDirectory", _data.Path);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Webhooks:DenyPrivateNetworks", "false");
        builder.UseSetting("Webhooks:RetryBaseDelay", "00:00:00.050");
        builder.UseSetting("Webhooks:RetryMaxDelay", "00:00:00.200");
        builder.UseSetting("Outbox:PollInterval", "00:00:00.100");
        builder.UseSetting("Silo:ReminderPollInterval", "00:00:00.100");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}
