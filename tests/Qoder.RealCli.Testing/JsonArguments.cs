using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qoder.RealCli.Testing;

internal static class JsonArguments
{
    /// <summary>Turns caller-supplied tool arguments (a <see cref="JsonNode"/>, JSON text or any serialisable object) into a JSON object.</summary>
    public static JsonNode ToNode(object arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var node = arguments switch
        {
            JsonNode existing => existing.DeepClone(),
            string json => JsonNode.Parse(json),
            JsonElement element => JsonNode.Parse(element.GetRawText()),
            _ => JsonSerializer.SerializeToNode(arguments, arguments.GetType()),
        };
        if (node is not JsonObject)
        {
            throw new ArgumentException("Tool arguments must serialise to a JSON object.", nameof(arguments));
        }

        return node;
    }
}
