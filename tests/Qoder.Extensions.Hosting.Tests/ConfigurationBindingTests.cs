using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qoder.AgentSdk;
using Qoder.Extensions.Hosting.Binding;
using Qoder.Extensions.Hosting.Tests.Packaging;

namespace Qoder.Extensions.Hosting.Tests;

/// <summary>
/// The options are bound by the configuration binding source generator through configuration shapes (so that native
/// AOT hosts bind them): every kind of setting arrives as the reflection binder delivered it, and the shapes cover
/// exactly the keys of the shipped schema.
/// </summary>
public sealed class ConfigurationBindingTests
{
    private const string Json = """
        {
          "Qoder": {
            "Auth": "Headless",
            "Agent": {
              "ExecutableArgs": [ "--inspect" ], "Tools": [ "Read", "Grep" ], "CustomContext": { "team": "docs" },
              "ExtraArgs": { "fake-responses": "/tmp/model.jsonl" }, "PermissionMode": "AcceptEdits", "PromptSuggestions": false,
              "SessionStoreLoadTimeout": "00:00:07", "SecurityScan": { "L1StaticCheck": true },
              "Memory": { "Mode": "Custom", "Generation": { "Roots": [ { "Id": "notes", "Path": "/mem" } ], "TurnComplete": { "Timeout": "00:00:09" } } },
              "SkillEvolution": { "TurnComplete": { "ReviewThreshold": 4 } },
              "McpServers": { "fs": { "Command": "mcp-fs", "Env": { "ROOT": "/src" }, "ToolPolicies": [ { "Name": "write", "PermissionPolicy": "AlwaysDeny" } ] } },
              "SdkMcpServers": { "calc": { "Instructions": "Adds numbers.", "ToolPolicies": [ { "Name": "add", "AlwaysLoad": true } ] } },
              "Agents": { "reviewer": { "Description": "Reviews diffs", "Prompt": "Review.", "Tools": [ "Read" ], "MaxTurns": 3 } }
            },
            "Agents": {
              "named": {
                "Agent": {
                  "Tools": [ "Bash" ], "SecurityScan": { "L2LightweightScan": true },
                  "McpServers": { "fs": { "Args": [ "--ro" ] } },
                  "Agents": { "reviewer": { "Model": "lite" } }
                }
              }
            }
          }
        }
        """;

    [Fact]
    public void Binds_lists_maps_nested_objects_and_definitions_and_overlays_the_named_section()
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Json))).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddQoderAgent();
        services.AddQoderAgent("named");
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<QoderHostingOptions>>();

        var main = monitor.Get(Options.DefaultName).Agent;
        Assert.Equal(["--inspect"], main.ExecutableArgs);
        Assert.Equal(["Read", "Grep"], main.Tools!);
        Assert.Equal("docs", main.CustomContext!["team"]);
        Assert.Equal("/tmp/model.jsonl", main.ExtraArgs["fake-responses"]);
        Assert.Equal(QoderPermissionMode.AcceptEdits, main.PermissionMode);
        Assert.False(main.PromptSuggestions);
        Assert.Equal(TimeSpan.FromSeconds(7), main.SessionStoreLoadTimeout);
        Assert.Equal(Qoder.AgentSdk.Memory.QoderMemoryMode.Custom, main.Memory!.Mode);
        Assert.Equal(("notes", "/mem", TimeSpan.FromSeconds(9)), (main.Memory.Generation!.Roots.Single().Id, main.Memory.Generation.Roots.Single().Path, main.Memory.Generation.TurnComplete!.Timeout));
        Assert.Equal(4, main.SkillEvolution!.TurnComplete!.ReviewThreshold);
        Assert.Equal((true, false), (main.SecurityScan!.L1StaticCheck, main.SecurityScan.L2LightweightScan));
        var fs = main.McpServers["fs"];
        Assert.Equal(("mcp-fs", "/src"), (fs.Command, fs.Env!["ROOT"]));
        Assert.Equal(("write", QoderMcpToolPermissionPolicy.AlwaysDeny), (fs.ToolPolicies.Single().Name, fs.ToolPolicies.Single().PermissionPolicy));
        var calc = main.SdkMcpServers["calc"];
        Assert.Equal(("1.0.0", "Adds numbers.", "add", true), (calc.Version, calc.Instructions, calc.ToolPolicies.Single().Name, calc.ToolPolicies.Single().AlwaysLoad));
        var reviewer = main.Agents["reviewer"];
        Assert.Equal(("Reviews diffs", "Review.", 3), (reviewer.Description, reviewer.Prompt, reviewer.MaxTurns));
        Assert.Equal(["Read"], reviewer.Tools!);

        // The named section lands on top of the root one: lists grow, objects and map entries keep what it does not set.
        var named = monitor.Get("named").Agent;
        Assert.Equal(["Read", "Grep", "Bash"], named.Tools!);
        Assert.Equal((true, true), (named.SecurityScan!.L1StaticCheck, named.SecurityScan.L2LightweightScan));
        Assert.Equal(("mcp-fs", "--ro"), (named.McpServers["fs"].Command, named.McpServers["fs"].Args!.Single()));
        Assert.Equal(("Reviews diffs", "lite", 3), (named.Agents["reviewer"].Description, named.Agents["reviewer"].Model, named.Agents["reviewer"].MaxTurns));
    }

    [Fact]
    public void Reports_a_value_that_does_not_convert_with_its_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Agent:MaxTurns"] = "many" }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddQoderAgent();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<QoderHostingOptions>>().Value);
        Assert.Contains("Qoder:Agent:MaxTurns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configuration_shapes_bind_exactly_the_keys_of_the_schema()
    {
        var schema = ConfigurationSchemaGenerator.Keys(new ConfigurationSchemaGenerator().Generate("Qoder", typeof(QoderHostingOptions)));
        var bound = new SortedSet<string>(StringComparer.Ordinal) { "Qoder" };
        Collect(typeof(HostingOptionsConfiguration), "Qoder", bound);
        foreach (var (name, type) in new[] { ("Pool", typeof(QoderPoolOptions)), ("Resilience", typeof(QoderResilienceOptions)), ("Conversations", typeof(QoderConversationsOptions)) })
        {
            bound.Add($"Qoder:{name}");
            Collect(type, $"Qoder:{name}", bound);
        }

        Assert.True(
            schema.SetEquals(bound),
            $"Only in the schema (add to the configuration shape in src/Qoder.Extensions.Hosting/Binding): [{string.Join(", ", schema.Except(bound))}]. Only in the shape: [{string.Join(", ", bound.Except(schema))}].");
    }

    // The keys a type binds, as the schema spells them: a map entry is '*'; list items have no keys of their own.
    private static void Collect(Type type, string prefix, SortedSet<string> keys)
    {
        foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            var key = $"{prefix}:{property.Name}";
            keys.Add(key);
            var propertyType = property.PropertyType;
            if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                var value = propertyType.GetGenericArguments()[1];
                if (IsObject(value))
                {
                    Collect(value, key + ":*", keys);
                }
            }
            else if (IsObject(propertyType) && !(propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(List<>)))
            {
                Collect(propertyType, key, keys);
            }
        }
    }

    private static bool IsObject(Type type) => type.IsClass && type != typeof(string);
}
