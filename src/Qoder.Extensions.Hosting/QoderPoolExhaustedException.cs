using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting;

/// <summary>No <c>qodercli</c> process became available in time. Not retried: the pool must grow or callers must wait longer.</summary>
public sealed class QoderPoolExhaustedException : QoderException
{
    /// <summary>Initializes a new instance of the <see cref="QoderPoolExhaustedException"/> class.</summary>
    /// <param name="section">The agent's configuration section, such as <c>Qoder</c>.</param>
    /// <param name="maxSize">The pool's maximum size.</param>
    /// <param name="acquireTimeout">How long the caller waited.</param>
    public QoderPoolExhaustedException(string section, int maxSize, TimeSpan acquireTimeout)
        : base($"No qodercli process became available within {acquireTimeout.TotalSeconds:0.###} s: all {maxSize} are in use or starting. Raise {section}:Pool:MaxSize (each process costs about 0.7 GB) or {section}:Pool:AcquireTimeout.")
    {
        MaxSize = maxSize;
        AcquireTimeout = acquireTimeout;
    }

    /// <summary>Gets the pool's maximum size.</summary>
    public int MaxSize { get; }

    /// <summary>Gets how long the caller waited.</summary>
    public TimeSpan AcquireTimeout { get; }
}
