using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.ModelPolicy;

/// <summary>The host's answer to <c>get_model_policy</c>: the model for one call, and optional call parameters.</summary>
public sealed class QoderModelPolicy
{
    /// <summary>Gets the platform model id (such as <c>auto</c> or a catalog entry's <c>value</c>); ignored when <see cref="CustomModel"/> is set.</summary>
    public string? Model { get; init; }

    /// <summary>Gets a bring-your-own-key model to route the call through instead of a platform model.</summary>
    public QoderCustomModel? CustomModel { get; init; }

    /// <summary>Gets per-call parameters, such as <c>contextWindow</c> or <c>reasoningEffort</c>.</summary>
    public JsonObject? Parameters { get; init; }

    /// <summary>Gets the routing scene label the backend selects models by (<c>task_id</c>).</summary>
    public string? TaskId { get; init; }

    /// <summary>Gets the business sub-task label used for billing and analytics (<c>sub_task</c>).</summary>
    public string? SubTask { get; init; }

    /// <summary>Creates a policy that picks a platform model.</summary>
    /// <param name="model">The model id.</param>
    /// <returns>The policy.</returns>
    public static QoderModelPolicy ForModel(string model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        return new QoderModelPolicy { Model = model };
    }
}
