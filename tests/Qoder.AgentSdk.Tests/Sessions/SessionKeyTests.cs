using Qoder.AgentSdk.Sessions;

namespace Qoder.AgentSdk.Tests.Sessions;

/// <summary>How the client names transcripts: the project key of a directory and the store key of a mirrored file path.</summary>
public sealed class SessionKeyTests
{
    private const string Id = "0f180acc-e51f-4ad5-b18b-8740fc2abd2f";

    [Theory]
    [InlineData("/home/alice/app", "-home-alice-app")]
    [InlineData("/tmp/store-probe/w1", "-tmp-store-probe-w1")]
    [InlineData("/srv/my app_v1.2/é", "-srv-my-app-v1-2--")]
    public void Project_key_replaces_every_character_outside_ascii_letters_and_digits(string path, string expected) =>
        Assert.Equal(expected, QoderProjectKey.FromPath(path));

    [Fact]
    public void A_key_longer_than_200_characters_is_cut_and_suffixed_with_the_base36_hash_of_the_path()
    {
        // Expected value computed independently by the rule (h = 5381; h = int32(h * 33) ^ unit; base 36 of |h|).
        var key = QoderProjectKey.FromPath("/" + new string('a', 250));

        Assert.Equal("-" + new string('a', 199) + "-ig6416", key);
    }

    [Fact]
    public void A_long_key_matches_the_one_the_real_cli_wrote()
    {
        // qodercli 1.1.52 named the project folder of this working directory so (observed, headless).
        var path = "/tmp/store-probe/long/" + new string('b', 150) + "/" + new string('c', 100);

        Assert.Equal(("-tmp-store-probe-long-" + new string('b', 150) + "-" + new string('c', 100))[..200] + "-gd3vrl", QoderProjectKey.FromPath(path));
    }

    [Fact]
    public void A_key_of_exactly_200_characters_is_kept_whole() =>
        Assert.Equal(new string('-', 200), QoderProjectKey.FromPath(new string('/', 200)));

    [Fact]
    public void The_project_key_of_a_directory_follows_symbolic_links()
    {
        using var temp = new TempDirectory();
        var real = Directory.CreateDirectory(Path.Combine(temp.Path, "real")).FullName;
        var link = Path.Combine(temp.Path, "link");
        Directory.CreateSymbolicLink(link, real);

        Assert.Equal(QoderProjectKey.FromPath(real), QoderProjectKey.FromDirectory(link));
    }

    [Fact]
    public void A_main_transcript_path_gives_the_main_key()
    {
        Assert.True(TranscriptMirrorKey.TryParse($"/home/a/.qoder/projects/-home-a-app/{Id}.jsonl", out var key, out _));
        Assert.Equal(new QoderSessionKey("-home-a-app", Id), key);
    }

    [Fact]
    public void A_path_below_the_session_folder_gives_a_subpath_and_the_last_projects_segment_counts()
    {
        Assert.True(TranscriptMirrorKey.TryParse($"/projects/x/.qoder/projects/-p/{Id}/subagents/agent-7.jsonl", out var key, out _));
        Assert.Equal(new QoderSessionKey("-p", Id, "subagents/agent-7"), key);
    }

    [Theory]
    [InlineData("/home/a/.qoder/elsewhere/-p/" + Id + ".jsonl")]
    [InlineData("/home/a/.qoder/projects/-p/not-a-uuid.jsonl")]
    [InlineData("/home/a/.qoder/projects/-p/" + Id + ".json")]
    [InlineData("/home/a/.qoder/projects/" + Id + ".jsonl")]
    [InlineData("/home/a/.qoder/projects/-p/not-a-uuid/subagents/a.jsonl")]
    [InlineData("/home/a/.qoder/projects/-p/" + Id + "/../a.jsonl")]
    [InlineData("/home/a/.qoder/projects/-p/" + Id + "/./a.jsonl")]
    [InlineData("/home/a/.qoder/projects/-p/" + Id + "//a.jsonl")]
    [InlineData("/home/a/.qoder/projects/-p/" + Id + "/C:/a.jsonl")]
    [InlineData("/home/a/.qoder/projects/-p/" + Id + "/.jsonl")]
    public void Paths_that_name_no_valid_transcript_are_rejected(string path)
    {
        Assert.False(TranscriptMirrorKey.TryParse(path, out _, out var reason));
        Assert.NotEmpty(reason);
    }
}
