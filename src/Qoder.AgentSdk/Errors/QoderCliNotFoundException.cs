namespace Qoder.AgentSdk;

/// <summary>The <c>qodercli</c> executable could not be found or installed.</summary>
public sealed class QoderCliNotFoundException : QoderException
{
    /// <summary>Initializes a new instance of the <see cref="QoderCliNotFoundException"/> class.</summary>
    /// <param name="message">What was tried and how to fix it.</param>
    /// <param name="searchedLocations">Every place that was looked at, in order.</param>
    /// <param name="innerException">The cause, if any.</param>
    public QoderCliNotFoundException(string message, IReadOnlyList<string> searchedLocations, Exception? innerException = null)
        : base(message, innerException)
    {
        SearchedLocations = searchedLocations;
    }

    /// <summary>Gets every place that was looked at, in order.</summary>
    public IReadOnlyList<string> SearchedLocations { get; }
}
