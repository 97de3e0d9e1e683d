using Qoder.AgentSdk;
using Qoder.AgentSdk.Protocol;

namespace Qoder.Samples.ModelSelection;

/// <summary>The sample itself: list the catalog, let <see cref="ModelPicker"/> choose per call (pull mode), run a prompt.</summary>
public static class ModelSelectionDemo
{
    /// <summary>Runs the demo.</summary>
    /// <param name="options">The client options; <see cref="QoderAgentOptions.ResolveModel"/> is set here.</param>
    /// <param name="prompt">The prompt.</param>
    /// <param name="picker">The model policy.</param>
    /// <param name="output">Where the catalog, the answer and the decisions are written.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The turn's result.</returns>
    public static async Task<ResultMessage?> RunAsync(
        QoderAgentOptions options, string prompt, ModelPicker picker, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(picker);
        ArgumentNullException.ThrowIfNull(output);
        options.ResolveModel = picker.ResolveAsync;
        await using var client = new QoderClient(options);
        await client.ConnectAsync(cancellationToken);

        // The typed catalog (get_models); the picker reads the same entries from each get_model_policy request.
        var catalog = (await client.GetAvailableModelsAsync(cancellationToken: cancellationToken))
            .Where(m => m.Value.Length > 0)
            .Select(m => new CatalogModel(m.Value, m.DisplayName.Length > 0 ? m.DisplayName : m.Value, m.IsDefault == true, m.MaxInputTokens is { } t ? (int)Math.Min(t, int.MaxValue) : null))
            .ToList();
        await output.WriteLineAsync($"{catalog.Count} models available:");
        foreach (var model in catalog)
        {
            var window = model.MaxInputTokens is { } tokens ? $", {tokens:N0} input tokens" : string.Empty;
            await output.WriteLineAsync($"  {model.Value} ({model.DisplayName}{(model.IsDefault ? ", default" : string.Empty)}{window})");
        }

        await output.WriteLineAsync($"Conversation model: {picker.Pick(catalog, "main")?.Value ?? "(the CLI's choice)"}");
        await client.SendAsync(prompt, cancellationToken);
        ResultMessage? result = null;
        await foreach (var message in client.ReceiveResponseAsync(cancellationToken))
        {
            switch (message)
            {
                case AssistantMessage assistant:
                    await output.WriteLineAsync($"[{assistant.Message.Model}] {string.Concat(assistant.Message.Content.OfType<TextBlock>().Select(t => t.Text))}");
                    break;
                case ResultMessage done:
                    result = done;
                    break;
            }
        }

        foreach (var decision in picker.Decisions)
        {
            await output.WriteLineAsync($"Model policy: {decision}");
        }

        await output.WriteLineAsync($"Done: {result?.Subtype ?? "no result"}");
        return result;
    }
}
