namespace Qoder.AgentSdk;

/// <summary>
/// A hook callback. Return <see langword="null"/> to let the agent continue unchanged (<c>{"continue":true}</c>). An exception
/// is reported to the CLI as a failed hook (it logs it and carries on). The token is cancelled when the hook's timeout elapses
/// (the CLI has given up on it by then), when the CLI withdraws the call, or when the client stops.
/// </summary>
/// <param name="input">What happened; a derived type such as <see cref="QoderPreToolUseHookInput"/> for the typed events.</param>
/// <param name="cancellationToken">Cancelled when the timeout elapses or the call is withdrawn.</param>
/// <returns>The hook's output, or <see langword="null"/>.</returns>
public delegate ValueTask<QoderHookOutput?> QoderHookCallback(QoderHookInput input, CancellationToken cancellationToken);
