using System.Text.Json;

namespace Qoder.AgentSdk.SessionStore.Redis.Tests;

internal static class Entries
{
    public static JsonElement Of(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static JsonElement Numbered(int n, string writer = "w") =>
        Of($$"""{"type":"user","uuid":"{{writer}}-{{n}}","writer":"{{writer}}","n":{{n}}}""");

    public static List<JsonElement> Range(int from, int count, string writer = "w") =>
        [.. Enumerable.Range(from, count).Select(n => Numbered(n, writer))];

    public static string Uuid(this JsonElement entry) => entry.GetProperty("uuid").GetString()!;
}
