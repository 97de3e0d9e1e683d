namespace Qoder.AgentSdk.Transport;

/// <summary>A duplex JSON-lines channel to one CLI process.</summary>
internal interface IQoderTransport : IAsyncDisposable
{
    /// <summary>Gets the process id once started.</summary>
    int? ProcessId { get; }

    /// <summary>Gets the last characters the process wrote to stderr.</summary>
    string StderrTail { get; }

    /// <summary>Gets a task that completes with the exit code when the process has exited.</summary>
    Task<int> Exited { get; }

    /// <summary>
    /// Reads stdout lines (blank lines skipped) until EOF or until <paramref name="handler"/> stops, framing them in the
    /// read buffer; between reads it waits for the handler's room. Only one reader may read.
    /// </summary>
    /// <exception cref="QoderProtocolException">A line is longer than <see cref="QoderAgentOptions.MaxLineBytes"/>.</exception>
    Task ReadLinesAsync(IStdoutLineHandler handler, CancellationToken cancellationToken);

    /// <summary>Writes one line (a JSON value without the newline) and flushes it.</summary>
    ValueTask WriteLineAsync(ReadOnlyMemory<byte> line, CancellationToken cancellationToken);

    /// <summary>Closes stdin; the CLI ends its session on EOF.</summary>
    void EndInput();

    /// <summary>Kills the whole process tree at once.</summary>
    void Kill();

    /// <summary>Stops the process: close stdin, wait, SIGTERM, wait, kill the tree. Returns when the process is gone.</summary>
    Task ShutdownAsync();
}
