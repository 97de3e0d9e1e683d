using System.Text.Json.Nodes;

namespace Qoder.Extensions.Hosting.Tests.Packaging;

/// <summary>
/// The hosting package's ConfigurationSchema.json is what the options classes bind, nothing more and nothing less.
/// Regenerate it after changing an options class (keys, defaults or XML docs):
/// <c>QODER_UPDATE_SCHEMA=1 dotnet test tests/Qoder.Extensions.Hosting.Tests --filter FullyQualifiedName~ConfigurationSchemaTests</c>.
/// </summary>
public sealed class ConfigurationSchemaTests
{
    private const string UpdateVariable = "QODER_UPDATE_SCHEMA";
    private const string UpdateCommand = "QODER_UPDATE_SCHEMA=1 dotnet test tests/Qoder.Extensions.Hosting.Tests --filter FullyQualifiedName~ConfigurationSchemaTests";

    [Fact]
    public void Every_bindable_key_is_in_the_schema_and_nothing_else()
    {
        var expected = ConfigurationSchemaGenerator.Keys(Generate());
        var shipped = ConfigurationSchemaGenerator.Keys(Shipped());

        var missing = expected.Except(shipped).ToList();
        var unknown = shipped.Except(expected).ToList();
        Assert.True(
            missing.Count == 0 && unknown.Count == 0,
            $"ConfigurationSchema.json is out of date. Missing keys: [{string.Join(", ", missing)}]. Keys no options class binds: [{string.Join(", ", unknown)}]. Regenerate: {UpdateCommand}");
    }

    [Fact]
    public void Types_defaults_and_descriptions_match_the_options_classes()
    {
        var generated = ConfigurationSchemaGenerator.Format(Generate());
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(SchemaPath(), generated);
        }

        Assert.True(generated == File.ReadAllText(SchemaPath()), $"ConfigurationSchema.json differs from the options classes (a type, default or description). Regenerate: {UpdateCommand}");
    }

    [Fact]
    public void Schema_covers_the_documented_keys()
    {
        var keys = ConfigurationSchemaGenerator.Keys(Shipped());
        foreach (var key in new[] { "Qoder:Auth", "Qoder:PersonalAccessToken", "Qoder:Agent:CliPath", "Qoder:Agent:McpServers:*:Command", "Qoder:Pool:MinIdle", "Qoder:Resilience:TotalTimeout", "Qoder:LogSensitiveData", "Qoder:Agents:*:Pool:MaxSize" })
        {
            Assert.Contains(key, keys);
        }

        // Set in code only: the CLI's authentication object and the callbacks.
        Assert.DoesNotContain("Qoder:Agent:Auth", keys);
        Assert.DoesNotContain("Qoder:Agent:CanUseTool", keys);
        Assert.DoesNotContain("Qoder:Agent:Stderr", keys);
    }

    [Fact]
    public void Defaults_are_the_options_defaults()
    {
        var qoder = (JsonObject)Shipped()["properties"]!["Qoder"]!;
        var definitions = (JsonObject)Shipped()["definitions"]!;
        Assert.Equal("AccessToken", qoder["properties"]!["Auth"]!["default"]!.GetValue<string>());
        Assert.Equal(4, definitions["QoderPoolOptions"]!["properties"]!["MaxSize"]!["default"]!.GetValue<int>());
        Assert.Equal("00:02:00", definitions["QoderAgentOptions"]!["properties"]!["InitializeTimeout"]!["default"]!.GetValue<string>());
    }

    private static JsonObject Generate() => new ConfigurationSchemaGenerator().Generate("Qoder", typeof(QoderHostingOptions), namedSection: "Agents");

    private static JsonObject Shipped() => (JsonObject)JsonNode.Parse(File.ReadAllText(SchemaPath()))!;

    private static string SchemaPath() => Path.Combine(RepositoryRoot(), "src", "Qoder.Extensions.Hosting", "ConfigurationSchema.json");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Qoder.Extensions.Hosting.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Qoder.Extensions.Hosting.sln above {AppContext.BaseDirectory}.");
    }
}
