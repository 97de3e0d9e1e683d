using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting;

/// <summary>
/// Validates an agent's options at start-up: the generated range checks plus cross-field rules. Every message names
/// the configuration key to fix, under the agent's own section. Once the host has started, reloads are checked by the
/// pool (<see cref="ValidReloads"/>): the options monitor would throw them into whoever triggered the reload.
/// </summary>
internal sealed partial class QoderHostingOptionsValidator : IValidateOptions<QoderHostingOptions>
{
    private static readonly QoderHostingOptionsDataValidator Data = new();
    private readonly HashSet<string> _agentNames;
    private readonly QoderHostStartup _startup;

    public QoderHostingOptionsValidator(IEnumerable<QoderAgentRegistration> registrations, QoderHostStartup startup)
    {
        _agentNames = registrations.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        _startup = startup;
    }

    public ValidateOptionsResult Validate(string? name, QoderHostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        name ??= Options.DefaultName;
        if (!_agentNames.Contains(name) || _startup.Started)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = Failures(options, QoderConfigurationKeys.SectionFor(name));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every rule the options break, each naming its key under <paramref name="prefix"/>.</summary>
    public static IReadOnlyList<string> Failures(QoderHostingOptions options, string prefix)
    {
        var failures = new List<string>();
        var data = Data.Validate(null, options);
        if (data.Failed)
        {
            failures.AddRange(data.Failures.Select(f => Rebase(f, prefix)));
        }

        CheckCrossField(options, prefix, failures);
        return failures;
    }

    // The generator names members by their path ("QoderHostingOptions.Pool.MaxSize"); users need the configuration key.
    private static string Rebase(string message, string prefix) =>
        MemberPath().Replace(message, m => prefix + ":" + m.Groups[1].Value.Replace('.', ':'));

    [GeneratedRegex(@"\bQoderHostingOptions\.([A-Za-z0-9_.]+[A-Za-z0-9_])")]
    private static partial Regex MemberPath();

    private static void CheckCrossField(QoderHostingOptions options, string prefix, List<string> failures)
    {
        var pool = options.Pool;
        if (pool.MaxSize < pool.MinIdle)
        {
            failures.Add($"{prefix}:Pool:MaxSize must be >= {prefix}:Pool:MinIdle (MaxSize {pool.MaxSize}, MinIdle {pool.MinIdle}).");
        }

        if (pool.MaxRestartBackoff < pool.RestartBackoff)
        {
            failures.Add($"{prefix}:Pool:MaxRestartBackoff must be >= {prefix}:Pool:RestartBackoff.");
        }

        var conversations = options.Conversations;
        if (conversations.MaxPinned is { } maxPinned && maxPinned + conversations.ReservedSlots > pool.MaxSize)
        {
            failures.Add($"{prefix}:Conversations:MaxPinned ({maxPinned}) plus {prefix}:Conversations:ReservedSlots ({conversations.ReservedSlots}) must not exceed {prefix}:Pool:MaxSize ({pool.MaxSize}): new conversations would be starved.");
        }
        else if (conversations.MaxPinned is null && pool.MaxSize > 1 && conversations.ReservedSlots >= pool.MaxSize)
        {
            failures.Add($"{prefix}:Conversations:ReservedSlots ({conversations.ReservedSlots}) must be less than {prefix}:Pool:MaxSize ({pool.MaxSize}), or no conversation could keep its process.");
        }

        var resilience = options.Resilience;
        if (resilience.TotalTimeout < TimeSpan.Zero && resilience.TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"{prefix}:Resilience:TotalTimeout must be positive, zero or -00:00:00.001 (disabled).");
        }

        if (resilience.AttemptTimeout < TimeSpan.Zero && resilience.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"{prefix}:Resilience:AttemptTimeout must be positive, zero or -00:00:00.001 (disabled).");
        }

        if (IsEnabled(resilience.TotalTimeout) && IsEnabled(resilience.AttemptTimeout) && resilience.AttemptTimeout > resilience.TotalTimeout)
        {
            failures.Add($"{prefix}:Resilience:AttemptTimeout must be <= {prefix}:Resilience:TotalTimeout.");
        }

        var agent = options.Agent;
        if (options.Auth == QoderAuthMode.AccessToken && agent.Auth.Kind == QoderAuthKind.AccessToken && agent.Auth.EnvironmentVariable is { } variable
            && string.IsNullOrWhiteSpace(agent.Environment.TryGetValue(variable, out var fromOptions) ? fromOptions : Environment.GetEnvironmentVariable(variable)))
        {
            failures.Add($"{QoderConfigurationKeys.Section}:PersonalAccessToken is not set and the environment variable {variable} is empty: set one (user-secrets or environment), or set {prefix}:Auth to QoderCliLogin or Headless.");
        }

        if (options.Auth == QoderAuthMode.ServiceAccount && agent.Auth.Kind == QoderAuthKind.ServiceAccount && agent.Auth.EnvironmentVariable is { } keyVariable
            && string.IsNullOrWhiteSpace(agent.Environment.TryGetValue(keyVariable, out var keyFromOptions) ? keyFromOptions : Environment.GetEnvironmentVariable(keyVariable)))
        {
            failures.Add($"{QoderConfigurationKeys.Section}:ServiceAccountKey is not set and the environment variable {keyVariable} is empty: set one (user-secrets or environment), or register a token provider with AddTokenProvider<T>().");
        }

        if (options.Auth == QoderAuthMode.JobToken && agent.Auth.Kind != QoderAuthKind.JobToken)
        {
            failures.Add($"{prefix}:Auth is JobToken but the agent has no token provider: register one with AddTokenProvider<T>() on the agent's builder.");
        }

        if (agent.WorkingDirectory is { } cwd && !Directory.Exists(cwd))
        {
            failures.Add($"{prefix}:Agent:WorkingDirectory: the directory {cwd} does not exist.");
        }

        if (agent.CliPath is { } cli && !File.Exists(cli))
        {
            failures.Add($"{prefix}:Agent:CliPath: the file {cli} does not exist.");
        }

        if (agent.InitializeTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}:Agent:InitializeTimeout must be positive (the CLI takes seconds to start).");
        }

        if (agent.ControlRequestTimeout <= TimeSpan.Zero && agent.ControlRequestTimeout != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"{prefix}:Agent:ControlRequestTimeout must be positive or -00:00:00.001 (infinite).");
        }

        foreach (var (key, grace) in (ReadOnlySpan<(string, TimeSpan)>)[
            (nameof(agent.InterruptGracePeriod), agent.InterruptGracePeriod),
            (nameof(agent.ShutdownGracePeriod), agent.ShutdownGracePeriod),
            (nameof(agent.KillGracePeriod), agent.KillGracePeriod)])
        {
            if (grace < TimeSpan.Zero)
            {
                failures.Add($"{prefix}:Agent:{key} must be zero or positive (it bounds a step of cancellation or shutdown).");
            }
        }

        if (agent.MaxLineBytes < QoderCliDefaults.MinimumMaxLineBytes)
        {
            failures.Add($"{prefix}:Agent:MaxLineBytes must be at least {QoderCliDefaults.MinimumMaxLineBytes}.");
        }

        CheckSessionShaping(options, prefix, failures);

        if (agent.MaxTurns is < 0)
        {
            failures.Add($"{prefix}:Agent:MaxTurns must be >= 0 (0 = unlimited).");
        }

        if (agent.CanUseTool is not null && agent.PermissionPromptToolName is not null)
        {
            failures.Add($"{prefix}:Agent:PermissionPromptToolName cannot be combined with a CanUseTool handler.");
        }

        if (agent.ExperimentalCloudAgent is not null)
        {
            failures.Add($"{prefix}:Agent:ExperimentalCloudAgent is not supported by the hosted pool, which runs qodercli processes; run Cloud Agent queries with QoderQuery.");
        }
    }

    // Every pooled process would resume, continue or take the same session: they would write one transcript at once.
    // A resume that forks gives each process a session of its own, so it may be set for the whole pool.
    private static void CheckSessionShaping(QoderHostingOptions options, string prefix, List<string> failures)
    {
        if (options.Pool.MaxSize <= 1)
        {
            return;
        }

        var agent = options.Agent;
        var shared = new List<string>();
        if (agent.SessionId is not null)
        {
            shared.Add(nameof(agent.SessionId));
        }

        if (agent.Continue)
        {
            shared.Add(nameof(agent.Continue));
        }

        if (!agent.ForkSession)
        {
            if (agent.Resume is not null)
            {
                shared.Add(nameof(agent.Resume));
            }

            if (agent.ResumeSessionAt is not null)
            {
                shared.Add(nameof(agent.ResumeSessionAt));
            }
        }

        foreach (var key in shared)
        {
            failures.Add($"{prefix}:Agent:{key} would make every pooled process share one session; set it per session (QoderSessionOptions) or set {prefix}:Pool:MaxSize to 1.");
        }
    }

    private static bool IsEnabled(TimeSpan timeout) => timeout > TimeSpan.Zero;
}
