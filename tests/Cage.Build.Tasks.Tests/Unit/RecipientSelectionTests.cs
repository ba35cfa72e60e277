using Cage.Build.Tasks.Tests.Infrastructure;
using Cage.Testing;

namespace Cage.Build.Tasks.Tests.Unit;

public sealed class RecipientSelectionTests : IDisposable
{
    private readonly TempDir _dir = new("cage-recipients-");
    private readonly string _item = AgeCli.Keygen().Recipient;
    private readonly string _project = AgeCli.Keygen().Recipient;
    private readonly string _default = AgeCli.Keygen().Recipient;

    public void Dispose() => _dir.Dispose();

    private string File(string name, string recipient) => _dir.Write(name, $"# team\r\n{recipient}\r\n");

    [Fact]
    public void Item_metadata_beats_project_properties_which_beat_the_default_file()
    {
        var selection = new RecipientSelection(_project, null, File("default", _default));

        var fromItem = selection.For(TaskHarness.Item("a", ("RecipientsFile", File("item", _item))));
        var fromProject = selection.For(TaskHarness.Item("b"));

        Assert.Equal(new[] { _item }, fromItem.Recipients.Select(r => r.Value));
        Assert.Equal(new[] { _project }, fromProject.Recipients.Select(r => r.Value));
        Assert.Equal(new[] { _default }, new RecipientSelection(null, null, File("default2", _default)).For(TaskHarness.Item("c")).Recipients.Select(r => r.Value));
    }

    [Fact]
    public void Recipients_and_files_at_one_level_combine_without_duplicates()
    {
        var selection = new RecipientSelection($"{_project}; {_item} ;", new[] { File("p", _item) }, null);

        Assert.Equal(new[] { _project, _item }, selection.For(TaskHarness.Item("a")).Recipients.Select(r => r.Value));
    }

    [Fact]
    public void A_missing_recipients_file_is_CAGE005()
    {
        var selection = new RecipientSelection(null, new[] { _dir.File("nope") }, null);

        var error = Assert.Throws<Adapter.CageException>(() => selection.For(TaskHarness.Item("a")));
        Assert.Equal(Adapter.CageErrorCode.RecipientsFileUnreadable, error.Code);
    }
}
