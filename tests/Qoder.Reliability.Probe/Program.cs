using System.Text.Json.Nodes;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Protocol;

// A host that is meant to be killed: it starts one CLI from the launch file given as the only argument, sends the
// prompt, reports "pid <cli pid>" and then "busy" once the turn shows the awaited sign, and waits to be killed.
var launch = JsonNode.Parse(await File.ReadAllTextAsync(args[0]))!.AsObject();
var options = new QoderAgentOptions
{
    CliPath = (string?)launch["cliPath"],
    WorkingDirectory = (string?)launch["workingDirectory"],
    Settings = (string?)launch["settings"],
    AutoInstallCli = false,
    Auth = (string?)launch["token"] is { } token ? QoderAuth.AccessToken(token) : QoderAuth.Headless(),
    CanUseTool = (_, _) => ValueTask.FromResult(QoderToolPermissionResult.Allow()),
};
foreach (var (name, value) in launch["environment"]?.AsObject() ?? [])
{
    options.Environment[name] = (string?)value;
}

foreach (var (name, value) in launch["extraArgs"]?.AsObject() ?? [])
{
    options.ExtraArgs[name] = (string?)value;
}

var busyTool = (string?)launch["busyOnTool"];
var client = new QoderClient(options);
await client.ConnectAsync();
Console.WriteLine($"pid {client.ProcessId}");
await client.SendAsync((string?)launch["prompt"] ?? "go");
await foreach (var message in client.ReceiveMessagesAsync())
{
    var busy = busyTool is null
        ? message is AssistantMessage
        : message is AssistantMessage assistant && assistant.Message.Content.OfType<ToolUseBlock>().Any(b => b.Name == busyTool);
    if (busy)
    {
        Console.WriteLine("busy");
        break;
    }
}

await Task.Delay(Timeout.InfiniteTimeSpan);
