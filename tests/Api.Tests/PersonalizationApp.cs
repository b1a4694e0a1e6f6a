using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Api.Tests;

/// <summary>
/// The real application on a real Kestrel server on loopback, with embedded storage in a temp folder and a
/// controllable clock (so receipt times, and with them Segment's skew correction, are exact).
/// </summary>
public sealed class PersonalizationApp : WebApplicationFactory<Program>
{
    public const string WriteKey = "test-write-key";
    public const string ReadKey = "test-read-key";

    private readonly TempDirectory _data = new("op-api");

    public PersonalizationApp()
    {
        UseKestrel(0);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public string DataDirectory => _data.Path;

    /// <summary>A client that sends <paramref name="key"/> as the HTTP Basic user name, as Segment's libraries do.</summary>
    public HttpClient CreateClient(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ApiKeys:WriteKeys:0", WriteKey);
        builder.UseSetting("ApiKeys:ReadKeys:0", ReadKey);
        builder.UseSetting("Storage:Sqlite:DataDirectory", _data.Path);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
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
