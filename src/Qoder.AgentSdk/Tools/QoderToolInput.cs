using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Tools;

/// <summary>
/// The typed input of a built-in tool (<see cref="QoderBashInput"/>, <see cref="QoderEditInput"/>, …), read with
/// <see cref="QoderToolPermissionRequest.InputAs{T}()"/> or a tool hook's <c>ToolInputAs</c>, and given back, changed with
/// <c>with</c>, to <see cref="QoderToolPermissionResult.Allow{T}(T, JsonElement?)"/> or
/// <see cref="QoderHookOutput.UpdateToolInput{T}(T)"/>. AskUserQuestion has its own reader, <see cref="QoderUserQuestions"/>.
/// </summary>
public abstract record QoderToolInput
{
    /// <summary>Gets fields this client does not know, kept so that an updated input round-trips them.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
