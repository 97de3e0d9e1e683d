namespace Qoder.AgentSdk.Testing.Internal.Initialize;

/// <summary>Where the session's <c>initialize</c> request stands; a failed or interrupted one returns to <see cref="None"/>.</summary>
internal enum InitializeState
{
    None,
    Running,
    Done,
}
