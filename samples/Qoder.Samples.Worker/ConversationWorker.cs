using System.Text;
using Qoder.AgentSdk.Protocol;
using Qoder.Extensions.Hosting;

namespace Qoder.Samples.Worker;

/// <summary>Holds one multi-turn conversation on a leased process, logs both answers, then stops the host.</summary>
public sealed class ConversationWorker : BackgroundService
{
    private static readonly string[] Prompts =
    [
        "In one sentence: what is a hosted service in .NET?",
        "And how does it stop?",
    ];

    private readonly IQoderSessionFactory _sessions;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<ConversationWorker> _logger;

    /// <summary>Initializes a new instance of the <see cref="ConversationWorker"/> class.</summary>
    /// <param name="sessions">Leases processes from the agent's pool.</param>
    /// <param name="lifetime">Stopped when the conversation is over.</param>
    /// <param name="logger">Receives the answers.</param>
    public ConversationWorker(IQoderSessionFactory sessions, IHostApplicationLifetime lifetime, ILogger<ConversationWorker> logger)
    {
        _sessions = sessions;
        _lifetime = lifetime;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var session = await _sessions.CreateSessionAsync(cancellationToken: stoppingToken);
            foreach (var prompt in Prompts)
            {
                await session.SendAsync(prompt, stoppingToken);
                var text = new StringBuilder();
                var subtype = string.Empty;
                await foreach (var message in session.ReceiveResponseAsync(stoppingToken))
                {
                    if (message is AssistantMessage assistant)
                    {
                        text.AppendJoin(string.Empty, assistant.Message.Content.OfType<TextBlock>().Select(b => b.Text));
                    }
                    else if (message is ResultMessage result)
                    {
                        subtype = result.Subtype;
                    }
                }

                Log.Answer(_logger, session.SessionId, prompt, subtype, text.ToString());
            }
        }
        finally
        {
            _lifetime.StopApplication();
        }
    }
}
