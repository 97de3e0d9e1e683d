using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Qoder.AgentSdk.Tests.Support;
using Qoder.AgentSdk.Transport;

namespace Qoder.AgentSdk.Tests.Differential;

/// <summary>
/// For every case in cases.json, what our client launches (argv, QODER_* environment, auth payload, first stdin frames),
/// captured by a recording fake CLI, equals what the official TypeScript SDK 1.0.39 launches for the same options,
/// captured live through its spawnQoderCLIProcess hook (ts-capture/run.sh).
/// </summary>
public sealed partial class DifferentialTests : IClassFixture<DifferentialTests.TypeScriptCapture>
{
    /// <summary>Differences we make on purpose, with the reason.</summary>
    private static readonly Dictionary<string, string> DeliberateEnvironmentDifferences = new()
    {
        // The value only feeds the CLI's telemetry; it says which SDK is talking.
        ["QODER_AGENT_SDK_ENTRYPOINT"] = QoderCliDefaults.SdkEntrypoint,
        ["QODER_AGENT_SDK_VERSION"] = QoderCliDefaults.SdkVersion,

        // Read by the CLI for telemetry (docs/protocol.md, Launch); the TS SDK does not set it.
        ["QODER_AGENT_SDK_LANGUAGE"] = "csharp",
    };

    /// <summary>Flags ours passes and the TS SDK does not, with the reason.</summary>
    private static readonly Dictionary<string, string> DeliberateArgumentDifferences = new()
    {
        // TS 1.0.39 accepts includeHookEvents but never passes the flag, so the option does nothing there; the CLI needs it.
        ["--include-hook-events"] = "IncludeHookEvents is forwarded",
    };

    /// <summary>Control requests ours sends before the first prompt and the TS SDK does not, with the reason.</summary>
    private static readonly Dictionary<string, string> DeliberateStartupRequests = new()
    {
        // TS 1.0.39 checks goal_max_turns_v1 for goalMaxTurns but never sends the value, so the option does nothing there.
        ["set_goal_max_turns"] = "GoalMaxTurns is sent",
    };

    /// <summary>Cases where the TS SDK fails and ours launches on purpose, with the reason.</summary>
    private static readonly Dictionary<string, string> DeliberateLaunches = new()
    {
        // TS reads any settings string as a file path once something must be merged into it, and fails on inline JSON
        // (no such file); ours merges into the inline JSON, which is what the caller meant.
        ["settings-string-inline-with-additional-directories"] = "inline JSON text is merged, not opened as a path",
    };

    private static readonly string Here = Path.Combine(AppContext.BaseDirectory, "Differential");
    private readonly TypeScriptCapture _typeScript;

    public DifferentialTests(TypeScriptCapture typeScript) => _typeScript = typeScript;

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var item in LoadCases())
        {
            data.Add(item!["name"]!.GetValue<string>());
        }

        return data;
    }

    [Fact]
    public void The_matrix_has_at_least_ninety_cases() => Assert.True(LoadCases().Count >= 90, $"{LoadCases().Count} cases");

    [Fact]
    public async Task Every_deliberate_launch_is_a_case_the_typescript_sdk_rejects()
    {
        var expected = await _typeScript.Result;
        foreach (var name in DeliberateLaunches.Keys)
        {
            Assert.True(expected[name]?["error"] is JsonValue, $"{name}: the TS SDK no longer fails; drop the deviation.");
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Launch_matches_the_official_typescript_sdk(string name)
    {
        var testCase = LoadCases().Single(c => c!["name"]!.GetValue<string>() == name)!.AsObject();
        var expected = (await _typeScript.Result)[name]!.AsObject();
        var actual = await CaptureOursAsync(testCase);

        if (DeliberateLaunches.ContainsKey(name))
        {
            Assert.Null(actual["error"]);
            return;
        }

        if (expected["error"] is JsonValue expectedError)
        {
            Assert.True(actual["error"] is not null, $"The TS SDK failed with \"{expectedError}\"; ours launched.");
            return;
        }

        Assert.Null(actual["error"]);
        Assert.Equal(expected["command"]!.GetValue<string>(), actual["command"]!.GetValue<string>());
        Assert.Equal(Strings(expected["args"]), Strings(actual["args"]).Where(a => !DeliberateArgumentDifferences.ContainsKey(a)).ToList());
        if (actual["env"] is null)
        {
            return;
        }

        var expectedEnv = expected["env"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        var actualEnv = actual["env"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        foreach (var (variable, ourValue) in DeliberateEnvironmentDifferences)
        {
            Assert.Equal(ourValue, actualEnv[variable]);
            actualEnv.Remove(variable);
            expectedEnv.Remove(variable);
        }

        // With a payload ours keeps the token out of the CLI's environment (every tool the CLI runs would inherit it):
        // the TS SDK passes QODER_PERSONAL_ACCESS_TOKEN and any variable holding the token through; ours removes them.
        if (actualEnv.ContainsKey(ChildEnvironment.PayloadVariable))
        {
            var token = expected["payload"]?["accessToken"]?.GetValue<string>();
            foreach (var (variable, value) in expectedEnv.ToList())
            {
                if (variable == QoderAuth.DefaultAccessTokenVariable || (!string.IsNullOrEmpty(token) && value.Contains(token, StringComparison.Ordinal)))
                {
                    Assert.False(actualEnv.ContainsKey(variable), $"{variable} holds the token and must not reach an SDK-mode CLI.");
                    expectedEnv.Remove(variable);
                }
            }
        }

        Assert.Equal(expectedEnv.OrderBy(p => p.Key), actualEnv.OrderBy(p => p.Key));
        Assert.Equal(Json(expected["payload"]), Json(actual["payload"]));
        Assert.Equal(Json(expected["payloadDirMode"]), Json(actual["payloadDirMode"]));
        Assert.Equal(Json(expected["payloadFileMode"]), Json(actual["payloadFileMode"]));
        Assert.Equal(Json(expected["settingsFile"]), Json(actual["settingsFile"]));
        var stdin = new JsonArray([.. actual["stdin"]!.AsArray()
            .Where(f => f!["request"]?["subtype"]?.GetValue<string>() is not { } subtype || !DeliberateStartupRequests.ContainsKey(subtype))
            .Select(f => f!.DeepClone())]);
        Assert.Equal(Json(expected["stdin"]), Json(stdin));
    }

    private static async Task<JsonObject> CaptureOursAsync(JsonObject testCase)
    {
        using var temp = new TempDirectory();
        var options = ToOptions(testCase, temp.Path);
        var cliPath = testCase["options"]?["pathToQoderCLIExecutable"]?.GetValue<string>();
        if (cliPath is not null || options.Executable is not null)
        {
            // Not spawnable here (a native binary, another runtime): compare the command line we would start.
            return BuildStatically(options, cliPath ?? FakeCliPlaceholder);
        }

        var recordPath = Path.Combine(temp.Path, "record.json");
        options.CliPath = Path.Combine(Here, "fake-cli.mjs");
        options.Environment["DIFF_RECORD_PATH"] = recordPath;
        try
        {
            await foreach (var _ in QoderQuery.RunAsync(testCase["prompt"]!.GetValue<string>(), options))
            {
            }
        }
        catch (QoderException ex)
        {
            return new JsonObject { ["error"] = ex.Message };
        }

        var record = JsonNode.Parse(await File.ReadAllTextAsync(recordPath))!.AsObject();
        var args = new JsonArray("<cli>");
        foreach (var arg in record["argv"]!.AsArray())
        {
            args.Add(NormalizeTemp(arg!.GetValue<string>()));
        }

        var env = new JsonObject();
        foreach (var (key, value) in record["env"]!.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            env[key] = key == ChildEnvironment.PayloadVariable ? "<payload-file>" : value!.GetValue<string>();
        }

        var stdin = new JsonArray();
        foreach (var frame in record["stdin"]!.AsArray())
        {
            var copy = frame!.DeepClone().AsObject();
            if (copy.ContainsKey("request_id"))
            {
                copy["request_id"] = "<request-id>";
            }

            if (copy.ContainsKey("uuid"))
            {
                copy["uuid"] = "<uuid>";
            }

            stdin.Add(copy);
        }

        return new JsonObject
        {
            ["command"] = "node",
            ["args"] = args,
            ["env"] = env,
            ["payload"] = record["payload"]?.DeepClone(),
            ["payloadDirMode"] = record["payloadDirMode"]?.DeepClone(),
            ["payloadFileMode"] = record["payloadFileMode"]?.DeepClone(),
            ["settingsFile"] = record["settingsFile"]?.DeepClone(),
            ["stdin"] = stdin,
        };
    }

    private const string FakeCliPlaceholder = "/nonexistent/qoder-differential/qodercli.js";

    private static JsonObject BuildStatically(QoderAgentOptions options, string cliPath)
    {
        var command = CliCommand.For(cliPath, options.Executable, options.ExecutableArgs);
        using var settings = SettingsArgument.Prepare(options);
        var arguments = LaunchArguments.Build(options, ChildEnvironment.Overlay(options), settings.Value);
        var args = new JsonArray();
        foreach (var argument in command.PrefixArguments.Concat(arguments))
        {
            args.Add(argument == FakeCliPlaceholder ? "<cli>" : argument);
        }

        return new JsonObject { ["command"] = command.FileName, ["args"] = args };
    }

    private static QoderAgentOptions ToOptions(JsonObject testCase, string tempDirectory)
    {
        var options = new QoderAgentOptions
        {
            AutoInstallCli = false,
            InitializeTimeout = TimeSpan.FromSeconds(30),
            ShutdownGracePeriod = TimeSpan.FromSeconds(5),
            Auth = testCase["auth"]!.GetValue<string>() switch
            {
                "accessToken" => QoderAuth.AccessToken("pt-differential-0000"),
                "accessTokenFromEnv" => QoderAuth.AccessTokenFromEnv(),
                "qodercli" => QoderAuth.QoderCliLogin(),
                var other => throw new InvalidOperationException($"Unknown auth {other}"),
            },
        };

        // The TS capture runs with no QODER_* variables in its host environment; so do we.
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith("QODER", StringComparison.Ordinal) || name == "NODE_OPTIONS")
            {
                options.Environment[name] = null;
            }
        }

        // Our Environment is an overlay on the host environment, so host variables of a case are an overlay too.
        foreach (var (key, value) in testCase["hostEnv"]?.AsObject() ?? [])
        {
            options.Environment[key] = value!.GetValue<string>();
        }

        if (testCase["cliCapabilities"] is JsonArray capabilities)
        {
            options.Environment["DIFF_CAPABILITIES"] = capabilities.ToJsonString();
        }

        foreach (var (name, policies) in testCase["sdkMcpServers"]?.AsObject() ?? [])
        {
            var server = new QoderSdkMcpServer();
            foreach (var policy in policies!.AsArray())
            {
                server.ToolPolicies.Add(ToolPolicy(policy!));
            }

            options.SdkMcpServers[name] = server;
        }

        if (testCase["settingsFileContent"] is { } content)
        {
            var path = Path.Combine(tempDirectory, "input-settings.json");
            File.WriteAllText(path, content is JsonValue text ? text.GetValue<string>() : content.ToJsonString());
            options.Settings = path;
        }

        foreach (var (key, value) in testCase["options"]!.AsObject())
        {
            Apply(options, key, value);
        }

        return options;
    }

    private static void Apply(QoderAgentOptions options, string key, JsonNode? value)
    {
        switch (key)
        {
            case "model": options.Model = value!.GetValue<string>(); break;
            case "proxy": options.Proxy = value!.GetValue<string>(); break;
            case "agent": options.Agent = value!.GetValue<string>(); break;
            case "debug": options.Debug = value!.GetValue<bool>(); break;
            case "resume": options.Resume = value!.GetValue<string>(); break;
            case "continue": options.Continue = value!.GetValue<bool>(); break;
            case "resumeSessionAt": options.ResumeSessionAt = value!.GetValue<string>(); break;
            case "sessionId": options.SessionId = value!.GetValue<string>(); break;
            case "forkSession": options.ForkSession = value!.GetValue<bool>(); break;
            case "permissionMode": options.PermissionMode = Enum.Parse<QoderPermissionMode>(value!.GetValue<string>(), ignoreCase: true); break;
            case "allowDangerouslySkipPermissions": options.AllowDangerouslySkipPermissions = value!.GetValue<bool>(); break;
            case "includePartialMessages": options.IncludePartialMessages = value!.GetValue<bool>(); break;
            case "allowedTools": AddAll(options.AllowedTools, value); break;
            case "disallowedTools": AddAll(options.DisallowedTools, value); break;
            case "allowedMcpServerNames": AddAll(options.AllowedMcpServerNames, value); break;
            case "additionalDirectories": AddAll(options.AdditionalDirectories, value); break;
            case "executableArgs": AddAll(options.ExecutableArgs, value); break;
            case "executable": options.Executable = value!.GetValue<string>(); break;
            case "pathToQoderCLIExecutable": break;

            // The TS preset {type:"preset",preset:"qodercli"} is sent as "--tools default"; we name the preset directly.
            case "tools": options.Tools = value is JsonArray tools ? [.. tools.Select(t => t!.GetValue<string>())] : ["default"]; break;
            case "canUseTool": options.CanUseTool = (_, _) => ValueTask.FromResult(QoderToolPermissionResult.Allow()); break;
            case "permissionPromptToolName": options.PermissionPromptToolName = value!.GetValue<string>(); break;
            case "strictMcpConfig": options.StrictMcpConfig = value!.GetValue<bool>(); break;
            case "settingSources": options.SettingSources = [.. value!.AsArray().Select(t => t!.GetValue<string>())]; break;
            case "maxTurns": options.MaxTurns = value!.GetValue<int>(); break;
            case "persistSession": options.PersistSession = value!.GetValue<bool>(); break;
            case "settings":
                if (value is JsonObject inline)
                {
                    options.SettingsObject = inline.DeepClone().AsObject();
                }
                else
                {
                    options.Settings = value!.GetValue<string>();
                }

                break;
            case "planMode": options.PlanMode = value!.GetValue<bool>(); break;
            case "promptSuggestions": options.PromptSuggestions = value!.GetValue<bool>(); break;
            case "includeHookEvents": options.IncludeHookEvents = value!.GetValue<bool>(); break;
            case "enableFileCheckpointing": options.EnableFileCheckpointing = value!.GetValue<bool>(); break;
            case "goalMaxTurns": options.GoalMaxTurns = value!.GetValue<int>(); break;
            case "resumeDropsTurn": options.ResumeDropsTurn = value!.GetValue<string>(); break;
            case "vpcEndpoint": options.VpcEndpoint = value!.GetValue<string>(); break;
            case "modelRequestPatches": options.ModelRequestPatches = value!.DeepClone().AsObject(); break;
            case "memory": options.Memory = FeatureOptions.Memory(value!.AsObject()); break;
            case "evolution": options.SkillEvolution = FeatureOptions.SkillEvolution(value!["skill"]?.AsObject()); break;
            case "resolveSessionArtifacts": options.ResolveSessionArtifacts = (_, _) => ValueTask.FromResult<IReadOnlyList<Qoder.AgentSdk.Protocol.QoderArtifactInfo>>([]); break;
            case "skills":
                if (value is JsonArray skills)
                {
                    options.Skills = [.. skills.Select(t => t!.GetValue<string>())];
                }
                else
                {
                    options.AllSkills = value!.GetValue<string>() == "all";
                }

                break;
            case "customContext":
                options.CustomContext = value!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
                break;
            case "securityScan":
                options.SecurityScan = new QoderSecurityScanOptions
                {
                    L1StaticCheck = value!["l1StaticCheck"]?.GetValue<bool>() ?? false,
                    L2LightweightScan = value["l2LightweightScan"]?.GetValue<bool>() ?? false,
                    L3DeepScan = value["l3DeepScan"]?.GetValue<bool>() ?? false,
                };
                break;
            case "agents":
                foreach (var (name, agent) in value!.AsObject())
                {
                    options.Agents[name] = Agent(agent!.AsObject());
                }

                break;
            case "systemPrompt":
                if (value is JsonObject preset)
                {
                    // TS spells "append to the CLI's prompt" as the qodercli preset with append.
                    options.AppendSystemPrompt = preset["append"]?.GetValue<string>();
                }
                else
                {
                    options.SystemPrompt = value!.GetValue<string>();
                }

                break;
            case "env":
                foreach (var (name, v) in value!.AsObject())
                {
                    options.Environment[name] = v?.GetValue<string>();
                }

                break;
            case "extraArgs":
                foreach (var (name, v) in value!.AsObject())
                {
                    options.ExtraArgs[name] = v?.GetValue<string>();
                }

                break;
            case "mcpServers":
                foreach (var (name, server) in value!.AsObject())
                {
                    options.McpServers[name] = McpServer(server!.AsObject());
                }

                break;
            default:
                throw new InvalidOperationException($"cases.json uses the option {key}, which this test does not map yet.");
        }
    }

    private static QoderMcpServerConfig McpServer(JsonObject server)
    {
        var config = new QoderMcpServerConfig
        {
            Type = server["type"]?.GetValue<string>(),
            Command = server["command"]?.GetValue<string>(),
            Url = server["url"]?.GetValue<string>(),
            Timeout = server["timeout"]?.GetValue<int>(),
            Args = server["args"] is JsonArray args ? [.. args.Select(a => a!.GetValue<string>())] : null,
            Env = server["env"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()),
            Headers = server["headers"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()),
        };
        foreach (var policy in server["tools"]?.AsArray() ?? [])
        {
            config.ToolPolicies.Add(ToolPolicy(policy!));
        }

        return config;
    }

    private static QoderMcpToolPolicy ToolPolicy(JsonNode policy) => new()
    {
        Name = policy["name"]!.GetValue<string>(),
        PermissionPolicy = policy["permission_policy"]?.GetValue<string>() switch
        {
            null => null,
            "always_allow" => QoderMcpToolPermissionPolicy.AlwaysAllow,
            "always_ask" => QoderMcpToolPermissionPolicy.AlwaysAsk,
            "always_deny" => QoderMcpToolPermissionPolicy.AlwaysDeny,
            var other => throw new InvalidOperationException($"Unknown permission_policy {other}"),
        },
        ExposedName = policy["exposedName"]?.GetValue<string>(),
        AlwaysLoad = policy["alwaysLoad"]?.GetValue<bool>() ?? false,
    };

    private static QoderAgentDefinition Agent(JsonObject agent) => new()
    {
        Description = agent["description"]!.GetValue<string>(),
        Prompt = agent["prompt"]!.GetValue<string>(),
        Tools = agent["tools"] is JsonArray tools ? [.. tools.Select(t => t!.GetValue<string>())] : null,
        DisallowedTools = agent["disallowedTools"] is JsonArray disallowed ? [.. disallowed.Select(t => t!.GetValue<string>())] : null,
        Model = agent["model"]?.GetValue<string>(),
        MaxTurns = agent["maxTurns"]?.GetValue<int>(),
        McpServers = agent["mcpServers"] is JsonArray servers
            ? [.. servers.Select(s => s is JsonValue reference
                ? QoderAgentMcpServer.Reference(reference.GetValue<string>())
                : s!.AsObject().Select(p => QoderAgentMcpServer.Inline(p.Key, McpServer(p.Value!.AsObject()))).Single())]
            : null,
        Skills = agent["skills"] is JsonArray skills ? [.. skills.Select(t => t!.GetValue<string>())] : null,
        InitialPrompt = agent["initialPrompt"]?.GetValue<string>(),
        Effort = agent["effort"]?.GetValue<string>(),
        PermissionMode = agent["permissionMode"] is { } mode ? Enum.Parse<QoderPermissionMode>(mode.GetValue<string>(), ignoreCase: true) : null,
        Background = agent["background"]?.GetValue<bool>(),
        Memory = agent["memory"]?.GetValue<string>(),
        Isolation = agent["isolation"]?.GetValue<string>(),
    };

    private static void AddAll(ICollection<string> target, JsonNode? values)
    {
        foreach (var value in values?.AsArray() ?? [])
        {
            target.Add(value!.GetValue<string>());
        }
    }

    private static string NormalizeTemp(string value) => TempPath().Replace(value, "<tmp>/");

    [GeneratedRegex(@"/tmp/[^/""]+/")]
    private static partial Regex TempPath();

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    private static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";

    private static JsonArray LoadCases() => JsonNode.Parse(File.ReadAllText(Path.Combine(Here, "cases.json")))!.AsArray();

    /// <summary>Runs the official TS SDK capture once for the class.</summary>
    public sealed class TypeScriptCapture
    {
        public TypeScriptCapture() => Result = CaptureAsync();

        public Task<JsonObject> Result { get; }

        private static async Task<JsonObject> CaptureAsync()
        {
            var (exitCode, stdout, stderr) = await ProcessRunner.RunAsync(
                "bash", [Path.Combine(Here, "ts-capture", "run.sh"), Path.Combine(Here, "cases.json")], Here, TimeSpan.FromMinutes(5));
            Assert.True(exitCode == 0, $"ts-capture/run.sh failed ({exitCode}): {stderr}");
            return JsonNode.Parse(stdout)!.AsObject();
        }
    }
}
