using Qoder.AgentSdk.ModelPolicy;

namespace Qoder.Samples.ModelSelection;

/// <summary>
/// The sample's model policy: the conversation itself (<c>main</c>) runs on the model with the largest context window,
/// or on the one named in <see cref="Preferred"/>; the CLI's side calls (titles, compaction, suggestions, …) keep the
/// catalog's default, which is cheaper. Every decision is kept, so the program can show it.
/// </summary>
public sealed class ModelPicker
{
    private readonly List<string> _decisions = [];
    private readonly Lock _lock = new();

    /// <summary>Gets or sets the model to run the conversation on, when the catalog has it.</summary>
    public string? Preferred { get; init; }

    /// <summary>Gets the decisions so far, as <c>purpose → model</c>.</summary>
    public IReadOnlyList<string> Decisions
    {
        get
        {
            lock (_lock)
            {
                return [.. _decisions];
            }
        }
    }

    /// <summary>Picks a model from a catalog for a purpose.</summary>
    /// <param name="catalog">The available models.</param>
    /// <param name="purpose">The purpose of the call.</param>
    /// <returns>The model, or <see langword="null"/> for an empty catalog (the CLI then keeps its own choice).</returns>
    public CatalogModel? Pick(IReadOnlyList<CatalogModel> catalog, string purpose)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.Count == 0)
        {
            return null;
        }

        if (purpose != "main")
        {
            return catalog.FirstOrDefault(m => m.IsDefault) ?? catalog[0];
        }

        return catalog.FirstOrDefault(m => m.Value == Preferred) ?? catalog.MaxBy(m => m.MaxInputTokens ?? 0);
    }

    /// <summary>The <see cref="Qoder.AgentSdk.QoderAgentOptions.ResolveModel"/> callback: answers <c>get_model_policy</c>.</summary>
    /// <param name="context">What the CLI is about to call the model for, and the catalog.</param>
    /// <param name="cancellationToken">Cancelled at the resolve timeout.</param>
    /// <returns>The policy.</returns>
    public ValueTask<QoderModelPolicy?> ResolveAsync(QoderModelPolicyContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = Pick(ModelCatalog.Read(context.AvailableModels), context.Purpose);
        lock (_lock)
        {
            _decisions.Add($"{context.Purpose} → {model?.Value ?? "(the CLI's choice)"}");
        }

        return ValueTask.FromResult(model is null ? null : QoderModelPolicy.ForModel(model.Value));
    }
}
