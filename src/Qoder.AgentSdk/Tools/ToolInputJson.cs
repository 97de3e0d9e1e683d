using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Qoder.AgentSdk.Tools;

/// <summary>Reads and writes <see cref="QoderToolInput"/> records with source-generated metadata.</summary>
internal static class ToolInputJson
{
    /// <exception cref="QoderProtocolException">The input does not have the shape of <typeparamref name="T"/>.</exception>
    public static T Read<T>(JsonElement input, string toolName)
        where T : QoderToolInput
    {
        try
        {
            return input.Deserialize(TypeInfo<T>())
                ?? throw new QoderProtocolException($"The input of {toolName} is null; it cannot be read as {typeof(T).Name}.");
        }
        catch (JsonException ex)
        {
            throw new QoderProtocolException($"The input of {toolName} cannot be read as {typeof(T).Name}: {ex.Message}", innerException: ex);
        }
    }

    public static JsonElement Write<T>(T input)
        where T : QoderToolInput
    {
        ArgumentNullException.ThrowIfNull(input);
        return JsonSerializer.SerializeToElement(input, TypeInfo<T>());
    }

    private static JsonTypeInfo<T> TypeInfo<T>() =>
        ToolInputJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new NotSupportedException($"{typeof(T).Name} is not a built-in tool input of this library.");
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(QoderBashInput))]
[JsonSerializable(typeof(QoderReadInput))]
[JsonSerializable(typeof(QoderWriteInput))]
[JsonSerializable(typeof(QoderEditInput))]
[JsonSerializable(typeof(QoderGlobInput))]
[JsonSerializable(typeof(QoderGrepInput))]
[JsonSerializable(typeof(QoderWebFetchInput))]
[JsonSerializable(typeof(QoderWebSearchInput))]
[JsonSerializable(typeof(QoderAgentToolInput))]
[JsonSerializable(typeof(QoderTodoWriteInput))]
[JsonSerializable(typeof(QoderNotebookEditInput))]
[JsonSerializable(typeof(QoderTaskCreateInput))]
[JsonSerializable(typeof(QoderTaskGetInput))]
[JsonSerializable(typeof(QoderTaskUpdateInput))]
[JsonSerializable(typeof(QoderTaskStopInput))]
internal sealed partial class ToolInputJsonContext : JsonSerializerContext;
