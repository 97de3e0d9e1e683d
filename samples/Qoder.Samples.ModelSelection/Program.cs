using Qoder.AgentSdk;
using Qoder.Samples.ModelSelection;

// Pull-mode model selection needs the CLI's SDK mode, and so a Personal Access Token (the test runs it on the stand-in).
if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(QoderAuth.DefaultAccessTokenVariable)))
{
    Console.Error.WriteLine($"Set {QoderAuth.DefaultAccessTokenVariable} to run this sample against the Qoder backend.");
    return 2;
}

var options = new QoderAgentOptions { PermissionMode = QoderPermissionMode.Default };
var picker = new ModelPicker { Preferred = args.Length > 1 ? args[1] : null };
var prompt = args.Length > 0 ? args[0] : "In one sentence: what is a context window?";
var result = await ModelSelectionDemo.RunAsync(options, prompt, picker, Console.Out);
return result is { IsError: false } ? 0 : 1;
