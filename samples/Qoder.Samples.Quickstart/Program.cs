using Qoder.AgentSdk;
using Qoder.AgentSdk.Protocol;

// The C# version of the official quickstart (agent.py): one query with file and shell tools, edits accepted.
var options = new QoderAgentOptions { PermissionMode = QoderPermissionMode.AcceptEdits };
foreach (var tool in new[] { "Read", "Write", "Edit", "Glob", "Grep", "Bash" })
{
    options.AllowedTools.Add(tool);
}

var prompt = "Create a file hello.md with a short greeting.";
var offline = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(QoderAuth.DefaultAccessTokenVariable));
string? workspace = null;
if (offline)
{
    Console.WriteLine("Offline demo: QODER_PERSONAL_ACCESS_TOKEN is not set, so the real qodercli runs against a scripted model shipped with this sample (no account, no network).");
    workspace = Directory.CreateTempSubdirectory("qoder-quickstart-").FullName;
    ConfigureOffline(options, workspace);
}

await foreach (var message in QoderQuery.RunAsync(prompt, options))
{
    switch (message)
    {
        case AssistantMessage assistant:
            foreach (var block in assistant.Message.Content)
            {
                if (block is TextBlock text)
                {
                    Console.WriteLine(text.Text);
                }
                else if (block is ToolUseBlock toolUse)
                {
                    Console.WriteLine($"Tool: {toolUse.Name}");
                }
            }

            break;
        case ResultMessage result:
            if (workspace is not null)
            {
                var written = Path.Combine(workspace, "hello.md");
                Console.WriteLine(File.Exists(written) ? $"The agent wrote {written}" : $"The agent did not write {written}");
            }

            Console.WriteLine($"Done: {result.Subtype}");
            break;
    }
}

// Route A of the protocol notes: headless mode, external auth accepted, and the model replaced by a scripted file.
static void ConfigureOffline(QoderAgentOptions options, string workspace)
{
    var template = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "offline-model.jsonl"));
    var script = Path.Combine(workspace, ".offline-model.jsonl");
    File.WriteAllText(script, template.Replace("{{WORKSPACE}}", workspace, StringComparison.Ordinal));
    var home = Directory.CreateDirectory(Path.Combine(workspace, ".home")).FullName;

    options.Auth = QoderAuth.Headless();
    options.WorkingDirectory = workspace;
    options.Settings = """{"security":{"auth":{"useExternal":true}}}""";
    options.ExtraArgs["fake-responses"] = script;
    options.Environment["HOME"] = home;
}
