namespace Qoder.AgentSdk.Testing;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = entry.Value as string;
        }

        // Not disposed: a blocked stdin read must not race a close of its descriptor while the process exits.
        var stdin = Console.OpenStandardInput();
        var stdout = Console.OpenStandardOutput();
        var stderr = Console.OpenStandardError();
        return await StandInCli.RunAsync(args, stdin, stdout, stderr, environment, CancellationToken.None).ConfigureAwait(false);
    }
}
