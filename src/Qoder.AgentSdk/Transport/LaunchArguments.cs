using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Transport;

/// <summary>Builds the CLI argv from the options, flag for flag and in the order the official SDK emits them (docs/protocol.md, Launch).</summary>
internal static class LaunchArguments
{
    private static readonly string[] TaskTools = ["TaskCreate", "TaskGet", "TaskUpdate", "TaskList"];

    // JSON.stringify escapes only what JSON requires; match it so argv compares equal with the official SDK.
    private static readonly JsonSerializerOptions ArgvJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds the argv.</summary>
    /// <param name="options">The options.</param>
    /// <param name="environment">The child environment (read for QODER_FEATURE_TASKS).</param>
    /// <param name="settingsArgument">The value for <c>--settings</c>, already prepared, or <see langword="null"/>.</param>
    /// <returns>The arguments after the executable.</returns>
    public static IReadOnlyList<string> Build(QoderAgentOptions options, IReadOnlyDictionary<string, string?> environment, string? settingsArgument)
    {
        Validate(options);
        var args = new List<string> { "--print", "--output-format", "stream-json", "--input-format", "stream-json" };
        if (!options.PersistSession)
        {
            args.Add("--no-session-persistence");
        }

        if (options.SessionStore is not null)
        {
            args.Add("--session-mirror");
        }

        AddIf(args, "--model", options.Model);
        if (options.Proxy is not null)
        {
            args.Add("--proxy");
            args.Add(options.Proxy);
        }

        AddIf(args, "--agent", options.Agent);
        if (options.Debug)
        {
            args.Add("--debug");
        }

        if (!string.IsNullOrEmpty(options.Resume))
        {
            args.Add("--resume");
            args.Add(options.Resume);
        }
        else if (options.Continue)
        {
            args.Add("--continue");
        }

        if (!string.IsNullOrEmpty(options.ResumeSessionAt))
        {
            args.Add($"--resume-session-at={options.ResumeSessionAt}");
        }

        if (options.ResumeDropsTurn is not null)
        {
            args.Add($"--resume-drops-turn={options.ResumeDropsTurn}");
        }

        AddIf(args, "--session-id", options.SessionId);
        if (options.PermissionMode == QoderPermissionMode.Yolo)
        {
            args.Add("--yolo");
        }
        else if (options.PermissionMode is { } mode)
        {
            args.Add("--permission-mode");
            args.Add(mode.ToWireName());
        }

        if (options.AllowDangerouslySkipPermissions && options.PermissionMode != QoderPermissionMode.Yolo)
        {
            args.Add("--dangerously-skip-permissions");
        }

        if (options.IncludePartialMessages)
        {
            args.Add("--include-partial-messages");
        }

        // The official SDK 1.0.39 accepts includeHookEvents but never passes the flag; the CLI needs it for the messages.
        if (options.IncludeHookEvents)
        {
            args.Add("--include-hook-events");
        }

        AddEach(args, "--allowed-tools", AllowedTools(options));
        AddEach(args, "--disallowed-tools", options.DisallowedTools);
        args.Add("--tools");
        args.Add(string.Join(',', options.Tools ?? DefaultTools(environment)));
        if (options.CanUseTool is not null)
        {
            args.Add("--permission-prompt-tool");
            args.Add("stdio");
        }
        else if (!string.IsNullOrEmpty(options.PermissionPromptToolName))
        {
            args.Add("--permission-prompt-tool");
            args.Add(options.PermissionPromptToolName);
        }

        AddEach(args, "--extensions", options.Extensions);
        if (options.McpServers.Count > 0)
        {
            args.Add("--mcp-config");
            args.Add(BuildMcpConfig(options.McpServers));
        }

        AddEach(args, "--allowed-mcp-server-names", options.AllowedMcpServerNames);
        if (options.StrictMcpConfig)
        {
            args.Add("--strict-mcp-config");
        }

        AddIf(args, "--settings", settingsArgument);
        if (options.SettingSources is not null)
        {
            args.Add("--setting-sources");
            args.Add(string.Join(',', options.SettingSources));
        }

        args.Add("--disable-builtin-skills");
        AddEach(args, "--add-dir", options.AdditionalDirectories);
        if (options.MaxTurns is { } maxTurns)
        {
            args.Add("--max-turns");
            args.Add(maxTurns.ToString(CultureInfo.InvariantCulture));
        }

        if (options.ForkSession)
        {
            args.Add("--fork-session");
        }

        AddEach(args, "--plugin-dir", options.PluginDirectories);
        foreach (var (key, value) in options.ExtraArgs)
        {
            args.Add("--" + key);
            if (value is not null)
            {
                args.Add(value);
            }
        }

        return args;
    }

    /// <summary>Checks the combinations the official SDK rejects, naming the option to fix.</summary>
    public static void Validate(QoderAgentOptions options)
    {
        if (options.CanUseTool is not null && !string.IsNullOrEmpty(options.PermissionPromptToolName))
        {
            throw new QoderConfigurationException(nameof(QoderAgentOptions.PermissionPromptToolName), "cannot be combined with CanUseTool; the callback already answers permission prompts.");
        }

        if (options.ExtraArgs.ContainsKey("proxy"))
        {
            throw new QoderConfigurationException(nameof(QoderAgentOptions.ExtraArgs), "the key 'proxy' is reserved; use QoderAgentOptions.Proxy.");
        }

        if (options.SessionStore is not null && !options.PersistSession)
        {
            throw new QoderConfigurationException(
                nameof(QoderAgentOptions.PersistSession), "must stay true when SessionStore is set: the store is fed from the transcript the CLI writes.");
        }

        foreach (var (name, timeout) in (ReadOnlySpan<(string, TimeSpan)>)[
            (nameof(QoderAgentOptions.SessionStoreLoadTimeout), options.SessionStoreLoadTimeout),
            (nameof(QoderAgentOptions.SessionStoreAppendTimeout), options.SessionStoreAppendTimeout)])
        {
            if (timeout <= TimeSpan.Zero)
            {
                throw new QoderConfigurationException(name, "must be positive.");
            }
        }

        Control.FeatureOptionsValidator.Validate(options);

        if (options.MaxTurns is < 0)
        {
            throw new QoderConfigurationException(nameof(QoderAgentOptions.MaxTurns), "must be 0 (unlimited) or more.");
        }

        if (options.AllSkills && options.Skills is not null)
        {
            throw new QoderConfigurationException(nameof(QoderAgentOptions.Skills), "cannot be combined with AllSkills; set one of the two.");
        }

        if (options.GoalMaxTurns is <= 0)
        {
            throw new QoderConfigurationException(nameof(QoderAgentOptions.GoalMaxTurns), "must be a positive number of turns.");
        }

        foreach (var (name, server) in options.SdkMcpServers)
        {
            McpConfigJson.ToolOverrides(name, server.ToolPolicies);
        }

        if (options.MaxLineBytes < QoderCliDefaults.MinimumMaxLineBytes)
        {
            throw new QoderConfigurationException(nameof(QoderAgentOptions.MaxLineBytes), $"must be at least {QoderCliDefaults.MinimumMaxLineBytes} bytes.");
        }

        // A negative grace would make shutdown or cancellation fail half-way, leaving a CLI that ignores EOF running.
        foreach (var (name, grace) in (ReadOnlySpan<(string, TimeSpan)>)[
            (nameof(QoderAgentOptions.InterruptGracePeriod), options.InterruptGracePeriod),
            (nameof(QoderAgentOptions.ShutdownGracePeriod), options.ShutdownGracePeriod),
            (nameof(QoderAgentOptions.KillGracePeriod), options.KillGracePeriod)])
        {
            if (grace < TimeSpan.Zero)
            {
                throw new QoderConfigurationException(name, "must be zero or positive.");
            }
        }
    }

    internal static string BuildMcpConfig(IDictionary<string, QoderMcpServerConfig> servers)
    {
        var map = new JsonObject();
        foreach (var (name, server) in servers)
        {
            map[name] = McpConfigJson.Server(name, server);
        }

        return new JsonObject { ["mcpServers"] = map }.ToJsonString(ArgvJson);
    }

    /// <summary>The allowed tools, followed by the rules that enable <see cref="QoderAgentOptions.Skills"/> not already listed.</summary>
    internal static IEnumerable<string> AllowedTools(QoderAgentOptions options)
    {
        IEnumerable<string> skillRules = options.AllSkills ? ["Skill"] : options.Skills?.Select(s => $"Skill({s})") ?? [];
        return options.AllowedTools.Concat(skillRules.Where(rule => !options.AllowedTools.Contains(rule)));
    }

    internal static string ToArgvJson(JsonNode node) => node.ToJsonString(ArgvJson);

    private static IEnumerable<string> DefaultTools(IReadOnlyDictionary<string, string?> environment)
    {
        var tasks = environment.TryGetValue("QODER_FEATURE_TASKS", out var value) ? value : null;
        if (tasks is "0" || string.Equals(tasks, "false", StringComparison.OrdinalIgnoreCase))
        {
            var replaced = false;
            foreach (var tool in QoderCliDefaults.DefaultTools)
            {
                if (!TaskTools.Contains(tool))
                {
                    yield return tool;
                }
                else if (!replaced)
                {
                    replaced = true;
                    yield return "TodoWrite";
                }
            }

            yield break;
        }

        foreach (var tool in QoderCliDefaults.DefaultTools)
        {
            yield return tool;
        }
    }

    private static void AddIf(List<string> args, string flag, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            args.Add(flag);
            args.Add(value);
        }
    }

    private static void AddEach(List<string> args, string flag, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            args.Add(flag);
            args.Add(value);
        }
    }
}
