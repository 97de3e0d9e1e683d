namespace Qoder.AgentSdk.Protocol;

/// <summary>A block of a type this client does not know; every field is in <see cref="ContentBlock.ExtensionData"/>.</summary>
public sealed record UnknownContentBlock : ContentBlock;
