namespace Qoder.Packaging.Tests;

/// <summary>What every shipped package carries: README, LICENSE, XML docs, symbols, repository commit; and each one's extras.</summary>
public sealed class PackageContentsTests(PackageFeed feed) : IClassFixture<PackageFeed>
{
    public static TheoryData<string> Packages() => [.. PackageFeed.Shipped];

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_carries_readme_license_docs_symbols_and_repository(string id)
    {
        var entries = feed.Entries(id);
        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);
        Assert.Contains($"lib/net10.0/{id}.dll", entries);
        Assert.Contains($"lib/net10.0/{id}.xml", entries);
        Assert.True(File.Exists(feed.Symbols(id)), $"{id} has no symbol package");

        var nuspec = feed.ReadEntry(id, $"{id}.nuspec");
        Assert.Contains("<readme>README.md</readme>", nuspec, StringComparison.Ordinal);
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec, StringComparison.Ordinal);
        Assert.Matches("<repository type=\"git\" url=\"https://[^\"]+\"[^>]* commit=\"[0-9a-f]{40}\"", nuspec);
        Assert.Matches("<description>.{20,}</description>", nuspec);
        Assert.Contains("<tags>qoder", nuspec, StringComparison.Ordinal);
    }

    [Fact]
    public void Hosting_package_ships_the_configuration_schema_for_editors()
    {
        var entries = feed.Entries("Qoder.Extensions.Hosting");
        Assert.Contains("ConfigurationSchema.json", entries);
        var targets = feed.ReadEntry("Qoder.Extensions.Hosting", "buildTransitive/net10.0/Qoder.Extensions.Hosting.targets");
        Assert.Contains("<JsonSchemaSegment Include=\"$(MSBuildThisFileDirectory)../../ConfigurationSchema.json\"", targets, StringComparison.Ordinal);
        Assert.Contains("\"Qoder\"", feed.ReadEntry("Qoder.Extensions.Hosting", "ConfigurationSchema.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Testing_package_carries_the_native_stand_in_where_it_was_built()
    {
        var builtHere = OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64 && File.Exists("/usr/bin/gcc");
        Assert.Equal(builtHere, feed.Entries("Qoder.AgentSdk.Testing").Contains("runtimes/linux-x64/native/qodercli-standin"));
    }
}
