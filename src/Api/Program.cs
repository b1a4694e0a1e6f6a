using Microsoft.Extensions.Options;
using Orleans.Personalization.Api.Hosting;
using Orleans.Personalization.Runtime.Storage;
using Orleans.Personalization.Silo;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPersonalizationSilo();
    builder.AddPersonalizationApi();

    var app = builder.Build();
    app.MapPersonalizationApi();
    app.Run();
    return 0;
}
catch (Exception ex) when (ex is OptionsValidationException or ClusterConfigurationException)
{
    // A bad setting is the operator's to fix: say what, without a stack trace, and touch nothing stored.
    Console.Error.WriteLine($"Orleans.Personalization cannot start: {ex.Message}");
    return 2;
}

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
