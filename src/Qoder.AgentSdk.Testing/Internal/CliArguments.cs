namespace Qoder.AgentSdk.Testing.Internal;

/// <summary>The subset of the qodercli 1.1.52 command line the stand-in knows; every flag is accepted, a few are acted on.</summary>
internal sealed class CliArguments
{
    private enum Arity
    {
        Bare,
        Value,
        OptionalValue,
    }

    // Reference-typed values: a Dictionary over a value tuple is a generic instantiation the JIT must compile at start-up.
    private static readonly Dictionary<string, Flag> Flags = Build();

    public Dictionary<string, List<string?>> Values { get; } = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public string? UnknownOption { get; private set; }

    public bool Has(string name) => Values.ContainsKey(name);

    public string? Get(string name) => Values.TryGetValue(name, out var list) ? list[^1] : null;

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var result = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                for (var rest = i + 1; rest < args.Count; rest++)
                {
                    result.Positional.Add(args[rest]);
                }

                break;
            }

            if (!arg.StartsWith('-') || arg == "-")
            {
                result.Positional.Add(arg);
                continue;
            }

            string key = arg;
            string? inline = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                key = arg[..eq];
                inline = arg[(eq + 1)..];
            }

            if (!Flags.TryGetValue(key, out var flag))
            {
                result.UnknownOption = key;
                return result;
            }

            string? value = inline;
            if (inline is null && flag.Arity == Arity.Value && i + 1 < args.Count)
            {
                value = args[++i];
            }
            else if (inline is null && flag.Arity == Arity.OptionalValue && i + 1 < args.Count && !args[i + 1].StartsWith('-'))
            {
                value = args[++i];
            }

            if (!result.Values.TryGetValue(flag.Name, out var list))
            {
                list = [];
                result.Values[flag.Name] = list;
            }

            list.Add(value);
        }

        return result;
    }

    private static Dictionary<string, Flag> Build()
    {
        var map = new Dictionary<string, Flag>(StringComparer.Ordinal);
        void Add(string name, Arity arity, string? shortName = null)
        {
            var flag = new Flag(name, arity);
            map["--" + name] = flag;
            if (shortName is not null)
            {
                map["-" + shortName] = flag;
            }
        }

        foreach (var bare in new[]
        {
            "session-mirror", "no-session-persistence", "yolo", "dangerously-skip-permissions", "include-partial-messages",
            "strict-mcp-config", "disable-builtin-skills", "fork-session", "replay-user-messages", "include-hook-events",
            "verbose", "list-models", "list-sessions",
        })
        {
            Add(bare, Arity.Bare);
        }

        foreach (var valued in new[]
        {
            "input-format", "proxy", "agent", "session-id", "permission-mode", "allowed-tools", "disallowed-tools", "tools",
            "permission-prompt-tool", "extensions", "mcp-config", "allowed-mcp-server-names", "settings", "setting-sources",
            "add-dir", "max-turns", "plugin-dir", "resume-session-at", "resume-drops-turn", "fake-responses", "config-dir",
            "reasoning-effort", "thinking", "thinking-budget", "context-window", "attachment", "remote-session", "teleport",
            "remote-control", "delete-session", "max-output-tokens", "agents", "append-system-prompt", "system-prompt",
            "output-style", "max-model-request-retries", "prompt-interactive",
        })
        {
            Add(valued, Arity.Value);
        }

        Add("print", Arity.Bare, "p");
        Add("debug", Arity.Bare, "d");
        Add("continue", Arity.Bare, "c");
        Add("version", Arity.Bare, "v");
        Add("help", Arity.Bare, "h");
        Add("model", Arity.Value, "m");
        Add("cwd", Arity.Value, "w");
        Add("name", Arity.Value, "n");
        Add("output-format", Arity.Value, "o");
        Add("resume", Arity.OptionalValue, "r");
        Add("worktree", Arity.OptionalValue);
        Add("remote", Arity.OptionalValue);
        map["-i"] = new Flag("prompt-interactive", Arity.Value);
        return map;
    }

    private sealed record Flag(string Name, Arity Arity);
}
