namespace Qoder.RealCli.Testing;

/// <summary>Token counts a scripted model turn reports.</summary>
/// <param name="PromptTokens">Input tokens.</param>
/// <param name="CompletionTokens">Output tokens.</param>
public sealed record MockTokenUsage(int PromptTokens, int CompletionTokens)
{
    /// <summary>Sum of input and output tokens.</summary>
    public int TotalTokens => PromptTokens + CompletionTokens;
}
