namespace Qoder.AgentSdk;

/// <summary>The options cannot produce a valid launch. Never retried: the configuration must change.</summary>
public sealed class QoderConfigurationException : QoderException
{
    /// <summary>Initializes a new instance of the <see cref="QoderConfigurationException"/> class.</summary>
    /// <param name="optionName">The option to fix.</param>
    /// <param name="message">What is wrong with it.</param>
    /// <param name="innerException">The cause, if any.</param>
    public QoderConfigurationException(string optionName, string message, Exception? innerException = null)
        : base($"{optionName}: {message}", innerException)
    {
        OptionName = optionName;
    }

    /// <summary>Gets the option to fix.</summary>
    public string OptionName { get; }
}
