using Waves.Journal.Storage;

namespace Waves.Journal.Tests.Storage;

/// <summary>The journal contract, in memory. "Another connection" is the same journal read from
/// another thread.</summary>
public sealed class InMemoryJournalTests : JournalContract
{
    protected override IJournal Open() => new InMemoryJournal();

    protected override IJournal OpenAnotherConnection() => Journal;

    protected override int TextRows() => ((InMemoryJournal)Journal).TextCount;
}
