using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Artifacts;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Control;

/// <summary>
/// Answers <c>resolve_session_artifacts</c> with the host's snapshot, checked and written as the official SDK does
/// (camel-case fields); without a callback, the official SDK's <c>resolve_session_artifacts_unavailable</c> error.
/// </summary>
internal static class SessionArtifactsDispatcher
{
    public static async Task<JsonNode?> AnswerAsync(
        Func<QoderSessionArtifactsRequest, CancellationToken, ValueTask<IReadOnlyList<QoderArtifactInfo>>>? resolve,
        JsonElement request,
        CancellationToken cancellationToken)
    {
        if (resolve is null)
        {
            throw new ControlRequestRejectedException("resolve_session_artifacts_unavailable", "No resolveSessionArtifacts callback configured");
        }

        if (JsonFields.String(request, "local_session_id") is not { Length: > 0 } sessionId || JsonFields.String(request, "cwd") is not { Length: > 0 } cwd)
        {
            throw new ControlRequestRejectedException("resolve_session_artifacts requires local_session_id and cwd");
        }

        var artifacts = await resolve(new QoderSessionArtifactsRequest(sessionId, cwd), cancellationToken).ConfigureAwait(false)
            ?? throw new ControlRequestRejectedException("resolveSessionArtifacts must return an object with an artifacts array");
        return new JsonObject { ["artifacts"] = new JsonArray([.. artifacts.Select(Artifact)]) };
    }

    private static JsonNode Artifact(QoderArtifactInfo artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var node = new JsonObject
        {
            ["path"] = Required(artifact.Path, "path"),
            ["displayPath"] = Required(artifact.DisplayPath, "displayPath"),
            ["name"] = Required(artifact.Name, "name"),
        };
        if (!Path.IsPathRooted(artifact.Path))
        {
            throw Invalid("field \"path\" must be absolute");
        }

        if (artifact.Group is { } group)
        {
            node["group"] = new JsonObject { ["key"] = Required(group.Key, "key"), ["name"] = Required(group.Name, "name") };
        }

        if (artifact.RelativePath is not null)
        {
            node["relativePath"] = artifact.RelativePath;
        }

        if (artifact.Size is { } size)
        {
            node["size"] = size >= 0 ? size : throw Invalid("field \"size\" must be a non-negative finite number");
        }

        if (artifact.Mime is not null)
        {
            node["mime"] = artifact.Mime;
        }

        if (artifact.ModifiedAt is { } mtime)
        {
            node["mtime"] = double.IsFinite(mtime) && mtime >= 0 ? mtime : throw Invalid("field \"mtime\" must be a non-negative finite number");
        }

        switch (artifact.Kind)
        {
            case "presented":
                node["kind"] = "presented";
                break;
            case "changed":
                node["kind"] = "changed";
                node["additions"] = artifact.Additions is >= 0 ? artifact.Additions : throw Invalid("field \"additions\" must be a non-negative safe integer");
                node["deletions"] = artifact.Deletions is >= 0 ? artifact.Deletions : throw Invalid("field \"deletions\" must be a non-negative safe integer");
                node["isNew"] = artifact.IsNew ?? throw Invalid("field \"isNew\" must be a boolean");
                break;
            default:
                throw Invalid("field \"kind\" must be \"presented\" or \"changed\"");
        }

        return node;
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrEmpty(value) ? throw Invalid($"field \"{field}\" must be a non-empty string") : value;

    private static ControlRequestRejectedException Invalid(string what) => new($"resolveSessionArtifacts result {what}");
}
