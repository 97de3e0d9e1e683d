namespace Qoder.AgentSdk.Sessions;

/// <summary>Which part of a session's chain <see cref="QoderSessionCatalog.GetSessionMessagesAsync"/> returns.</summary>
public enum QoderSessionMessageView
{
    /// <summary>What the model sees now: from the latest compact boundary on.</summary>
    Runtime,

    /// <summary>The whole conversation across compact boundaries, without the boundary and summary records.</summary>
    Historical,
}
