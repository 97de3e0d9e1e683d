using Qoder.Samples.Worker;

var builder = Host.CreateApplicationBuilder(args);
builder.AddQoderAgent().UseOfflineModelWhenNoToken();
builder.Services.AddHostedService<ConversationWorker>();

using var host = builder.Build();
if (OfflineModel.IsEnabled(host.Services.GetRequiredService<IConfiguration>()))
{
    Log.OfflineMode(host.Services.GetRequiredService<ILogger<ConversationWorker>>());
}

await host.RunAsync();
