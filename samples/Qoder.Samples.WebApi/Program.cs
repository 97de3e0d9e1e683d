using Qoder.Samples.WebApi;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.AddQoderAgent().UseOfflineModelWhenNoToken().AddHealthCheck();
builder.AddQoderAgent("reviewer").UseOfflineModelWhenNoToken().AddHealthCheck();

var app = builder.Build();

var offline = OfflineModel.IsEnabled(app.Configuration);
if (offline)
{
    Log.OfflineMode(app.Logger);
}
else
{
    Log.OnlineMode(app.Logger);
}

app.Use((context, next) =>
{
    context.Response.Headers[OfflineModel.ModeHeader] = offline ? "offline-scripted-model" : "qoder";
    return next(context);
});
app.MapControllers();
app.MapHealthChecks("/health");

await app.RunAsync();

/// <summary>The sample's entry point, public for <c>WebApplicationFactory</c>.</summary>
public partial class Program;
