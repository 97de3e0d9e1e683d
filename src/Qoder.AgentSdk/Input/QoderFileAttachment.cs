namespace Qoder.AgentSdk.Input;

/// <summary>A file attached to a user message (an entry of <c>file_attachments</c>).</summary>
/// <param name="FileId">The file id.</param>
/// <param name="RelativePath">The path of the file relative to the workspace.</param>
public sealed record QoderFileAttachment(string FileId, string RelativePath);
