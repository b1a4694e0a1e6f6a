using Orleans.Personalization.Api.Hosting;
using Orleans.Personalization.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.AddPersonalizationSilo();
builder.AddPersonalizationApi();

var app = builder.Build();
app.MapPersonalizationApi();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
