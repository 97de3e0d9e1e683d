using Qoder.Samples.WebApi;
using Qoder.Samples.WebApi.Agent;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddSingleton<IPriceList, PriceList>();

// Token deltas are streamed by /agent/stream; the permission policy and the app's tools run in each run's DI scope.
builder.AddQoderAgent(o => o.IncludePartialMessages = true)
    .UseOfflineModelWhenNoToken()
    .AddToolPermissionHandler<WorkspacePermissionPolicy>()
    .AddTools<AppTools>("app")
    .AddHealthCheck();
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
