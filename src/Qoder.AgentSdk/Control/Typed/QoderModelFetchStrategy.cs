namespace Qoder.AgentSdk;

/// <summary>Where <c>GetAvailableModelsAsync</c> takes the catalog from.</summary>
public enum QoderModelFetchStrategy
{
    /// <summary>The CLI decides (the field is not sent).</summary>
    Default,

    /// <summary>Fetch the catalog from the server now (<c>live</c>).</summary>
    Live,

    /// <summary>Use the CLI's cached catalog (<c>cache</c>).</summary>
    Cache,
}
