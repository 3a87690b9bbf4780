namespace TalksBot.Discord.Commands;

/// <summary>
/// One application command: its definition (bulk-overwritten on READY) and its handler. Register with
/// <c>services.AddSingleton&lt;IBotCommand, MyCommand&gt;()</c>. The bot defers the interaction before calling
/// <see cref="HandleAsync"/>, so a handler may take up to 15 minutes; it answers with
/// <see cref="InteractionContext.EditOriginalAsync(string, CancellationToken)"/>.
/// </summary>
public interface IBotCommand
{
    ApplicationCommandDefinition Definition { get; }

    /// <summary>True when the command asks the answer engine: it then counts against the per-user question limit.</summary>
    bool CountsAsQuestion => false;

    /// <summary>True to answer only to the user who ran it (the deferral is sent with flag 64, fixed from then on).</summary>
    bool Ephemeral => false;

    Task HandleAsync(InteractionContext context, CancellationToken cancellationToken);
}
