namespace Qoder.AgentSdk.Commands;

/// <summary>Where a plugin is installed or enabled.</summary>
public enum QoderPluginScope
{
    /// <summary>For the user, in every project (<c>user</c>).</summary>
    User,

    /// <summary>For the project, shared through its repository (<c>project</c>).</summary>
    Project,

    /// <summary>For the project on this machine only (<c>local</c>).</summary>
    Local,
}
