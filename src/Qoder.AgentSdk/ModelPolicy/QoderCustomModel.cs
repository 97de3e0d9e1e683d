namespace Qoder.AgentSdk.ModelPolicy;

/// <summary>A bring-your-own-key model for one call (<c>custom_model</c> of a <c>get_model_policy</c> answer).</summary>
public sealed class QoderCustomModel
{
    /// <summary>Gets the model id at the provider.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the provider name.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the provider API key. It goes to the CLI in the control answer only; never logged.</summary>
    public required string ApiKey { get; init; }

    /// <summary>Gets the provider's endpoint.</summary>
    public Uri? Url { get; init; }

    /// <summary>Gets the API style; <c>openai</c> when unset, as the official SDK sends it.</summary>
    public string? Style { get; init; }

    /// <summary>Gets whether the model accepts images.</summary>
    public bool? IsVl { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"QoderCustomModel({Provider}/{Model}, key ***)";
}
