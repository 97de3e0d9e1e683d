using System.Globalization;
using System.Text;
using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>The identity of the options that become a process's argv, environment or <c>initialize</c> request.</summary>
internal static class LaunchKey
{
    public static string Compute(QoderAgentOptions o)
    {
        List<string?> parts =
        [
            o.CliPath, o.Executable, Join(o.ExecutableArgs), o.WorkingDirectory ?? Environment.CurrentDirectory, o.Auth.ToString(), o.Model,
            Join(o.Tools), Join(o.AllowedTools), Join(o.DisallowedTools), o.PermissionMode?.ToString(), Flag(o.AllowDangerouslySkipPermissions),
            o.PermissionPromptToolName, Join(o.AdditionalDirectories), o.MaxTurns?.ToString(CultureInfo.InvariantCulture), o.Settings,
            Join(o.SettingSources), Join(o.AllowedMcpServerNames), Flag(o.StrictMcpConfig), Join(o.Extensions), Join(o.PluginDirectories),
            o.Resume, Flag(o.Continue), Flag(o.ForkSession), o.SessionId, o.ResumeSessionAt, Flag(o.IncludePartialMessages),
            Flag(o.PersistSession), o.Proxy, o.Agent, Flag(o.Debug), o.SystemPrompt, o.AppendSystemPrompt, Flag(o.CanUseTool is not null),
        ];
        foreach (var (name, value) in o.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            parts.Add(name);
            parts.Add(value);
        }

        foreach (var (name, value) in o.ExtraArgs)
        {
            parts.Add(name);
            parts.Add(value);
        }

        foreach (var (name, server) in o.McpServers.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            parts.AddRange([name, server.Type, server.Command, Join(server.Args), server.Url]);
            foreach (var (key, value) in server.Env.Concat(server.Headers).OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                parts.Add(key);
                parts.Add(value);
            }
        }

        return Join(parts)!;
    }

    private static string Flag(bool value) => value ? "1" : "0";

    // Length-prefixed so that no two different option sets produce the same key.
    private static string? Join(IEnumerable<string?>? values)
    {
        if (values is null)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (var value in values)
        {
            builder.Append(value is null ? -1 : value.Length).Append(':').Append(value).Append('|');
        }

        return builder.ToString();
    }
}
