using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Qoder.AgentSdk.CloudAgent;

namespace Qoder.Extensions.Hosting.Tests.Packaging;

/// <summary>
/// Builds the <c>ConfigurationSchema.json</c> a package ships from its options classes: every property the configuration
/// binder can set becomes a key with its JSON type, its default (read from a new instance) and its XML doc summary.
/// Delegates, read-only collections and types the binder cannot create are set in code and are left out.
/// </summary>
internal sealed partial class ConfigurationSchemaGenerator
{
    private const string TimeSpanPattern = @"^-?(\d+\.)?\d{1,2}:\d{1,2}(:\d{1,2}(\.\d{1,7})?)?$";
    private readonly Dictionary<string, string> _docs = new(StringComparer.Ordinal);
    private readonly HashSet<Assembly> _documented = [];
    private readonly SortedDictionary<string, JsonObject> _definitions = new(StringComparer.Ordinal);

    /// <summary>The schema for <paramref name="section"/> bound to <paramref name="options"/>, plus named overrides under <paramref name="namedSection"/> when given.</summary>
    public JsonObject Generate(string section, Type options, string? namedSection = null)
    {
        var root = ObjectSchema(options, definition: false);
        if (namedSection is not null)
        {
            ((JsonObject)root["properties"]!)[namedSection] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = $"Named agents: each entry overrides the '{section}' settings for AddQoderAgent(name).",
                ["additionalProperties"] = Reference(options),
            };
            Sort((JsonObject)root["properties"]!);
        }

        var definitions = new JsonObject();
        foreach (var (name, schema) in _definitions)
        {
            definitions[name] = schema;
        }

        return new JsonObject
        {
            ["definitions"] = definitions,
            ["type"] = "object",
            ["properties"] = new JsonObject { [section] = root },
        };
    }

    /// <summary>Every configuration key the schema describes (<c>*</c> stands for a map entry), following references.</summary>
    public static SortedSet<string> Keys(JsonObject schema)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        Collect(schema, (JsonObject)schema["definitions"]!, string.Empty, keys, depth: 0);
        return keys;
    }

    private static void Collect(JsonObject node, JsonObject definitions, string path, SortedSet<string> keys, int depth)
    {
        if (depth > 16)
        {
            return;
        }

        if (node["$ref"] is JsonValue reference)
        {
            var name = reference.GetValue<string>()["#/definitions/".Length..];
            Collect((JsonObject)definitions[name]!, definitions, path, keys, depth + 1);
            return;
        }

        if (node["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                var childPath = path.Length == 0 ? name : $"{path}:{name}";
                keys.Add(childPath);
                Collect((JsonObject)child!, definitions, childPath, keys, depth + 1);
            }
        }

        if (node["additionalProperties"] is JsonObject entry)
        {
            Collect(entry, definitions, $"{path}:*", keys, depth + 1);
        }
    }

    private JsonObject ObjectSchema(Type type, bool definition)
    {
        LoadDocs(type.Assembly);
        var instance = Activator.CreateInstance(type);
        var properties = new JsonObject();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(IsBindable))
        {
            var schema = Schema(property.PropertyType);
            if (Describe(property) is { } description)
            {
                schema["description"] = description;
            }

            if (Default(property.GetValue(instance)) is { } value)
            {
                schema["default"] = value;
            }

            properties[property.Name] = schema;
        }

        Sort(properties);
        var result = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (definition && Describe(type) is { } summary)
        {
            result["description"] = summary;
        }

        return result;
    }

    private JsonObject Schema(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(Uri))
        {
            return new JsonObject { ["type"] = "string" };
        }

        if (type == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return new JsonObject { ["type"] = "integer" };
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return new JsonObject { ["type"] = "number" };
        }

        if (type == typeof(TimeSpan))
        {
            return new JsonObject { ["type"] = "string", ["pattern"] = TimeSpanPattern };
        }

        if (type.IsEnum)
        {
            return new JsonObject { ["enum"] = new JsonArray([.. Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(n)!)]) };
        }

        if (DictionaryValue(type) is { } value)
        {
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = Schema(value) };
        }

        if (ListItem(type) is { } item)
        {
            return new JsonObject { ["type"] = "array", ["items"] = Schema(item) };
        }

        return Reference(type);
    }

    private JsonObject Reference(Type type)
    {
        if (!_definitions.ContainsKey(type.Name))
        {
            _definitions[type.Name] = new JsonObject();
            _definitions[type.Name] = ObjectSchema(type, definition: true);
        }

        return new JsonObject { ["$ref"] = $"#/definitions/{type.Name}" };
    }

    private static bool IsBindable(PropertyInfo property)
    {
        if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true })
        {
            return false;
        }

        // The pool runs CLI processes: the validator refuses a Cloud Agent, so configuration offers none.
        if (property.PropertyType == typeof(CloudAgentOptions))
        {
            return false;
        }

        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var settable = property.SetMethod is { IsPublic: true };
        if (IsScalar(type))
        {
            return settable;
        }

        if (DictionaryValue(type) is { } value)
        {
            return IsScalar(value) || IsCreatable(value);
        }

        if (ListItem(type) is { } item)
        {
            return IsScalar(item) || IsCreatable(item);
        }

        // A complex object is bound into the instance the options already hold, or created when settable.
        return IsCreatable(type) && !typeof(IEnumerable).IsAssignableFrom(type);
    }

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(Uri);
    }

    private static bool IsCreatable(Type type) =>
        type.IsClass && !type.IsAbstract && !typeof(Delegate).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null
        && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(IsBindable);

    private static Type? DictionaryValue(Type type) =>
        Generic(type, typeof(IDictionary<,>)) is { } args && args[0] == typeof(string) ? args[1] : null;

    private static Type? ListItem(Type type) =>
        type.IsArray ? type.GetElementType() : Generic(type, typeof(IList<>))?[0] ?? Generic(type, typeof(ICollection<>))?[0];

    private static Type[]? Generic(Type type, Type definition)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == definition)
        {
            return type.GetGenericArguments();
        }

        return type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition)?.GetGenericArguments();
    }

    private static JsonValue? Default(object? value) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        TimeSpan t => JsonValue.Create(t.ToString("c", CultureInfo.InvariantCulture)),
        Enum e => JsonValue.Create(e.ToString()),
        string s => JsonValue.Create(s),
        _ => null,
    };

    private string? Describe(MemberInfo member)
    {
        var id = member is Type type ? $"T:{type.FullName}" : $"P:{member.DeclaringType!.FullName}.{member.Name}";
        if (!_docs.TryGetValue(id, out var summary))
        {
            return null;
        }

        summary = GetsOrSets().Replace(summary, string.Empty);
        return summary.Length == 0 ? null : char.ToUpperInvariant(summary[0]) + summary[1..];
    }

    private void LoadDocs(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!_documented.Add(assembly) || !File.Exists(path))
        {
            return;
        }

        foreach (var member in XDocument.Load(path).Descendants("member"))
        {
            if (member.Element("summary") is { } summary && member.Attribute("name")?.Value is { } name)
            {
                _docs[name] = Text(summary);
            }
        }
    }

    // <see cref="T:X.Y.Z"/> reads as Z, <c>x</c> as x; whitespace collapses to single spaces.
    private static string Text(XElement element)
    {
        var parts = element.Nodes().Select(node => node switch
        {
            XText text => text.Value,
            XElement { Name.LocalName: "see" or "seealso" } see => see.Attribute("cref")?.Value.Split('.', ':')[^1] ?? see.Attribute("langword")?.Value ?? see.Value,
            XElement { Name.LocalName: "paramref" or "typeparamref" } reference => reference.Attribute("name")?.Value ?? string.Empty,
            XElement other => Text(other),
            _ => string.Empty,
        });
        return Whitespace().Replace(string.Concat(parts), " ").Trim();
    }

    private static void Sort(JsonObject properties)
    {
        var ordered = properties.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        properties.Clear();
        foreach (var (name, node) in ordered)
        {
            properties[name] = node;
        }
    }

    /// <summary>Indented JSON with a trailing newline, as the repository's files are written.</summary>
    public static string Format(JsonObject schema) =>
        schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentSize = 2, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    [GeneratedRegex(@"^Gets(?: or sets)?(?: a value indicating)? ", RegexOptions.CultureInvariant)]
    private static partial Regex GetsOrSets();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
