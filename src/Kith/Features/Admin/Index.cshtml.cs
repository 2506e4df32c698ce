using Kith.Features.Account;
using Kith.Features.Admin.Checks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Admin;

public sealed class IndexModel(InstanceSnapshotReader reader, RegistrationPolicy registration) : PageModel
{
    public InstanceSnapshot Snapshot { get; private set; } = null!;
    public RegistrationSetting Registration { get; private set; } = null!;
    public IReadOnlyList<CheckResult> FailedChecks { get; private set; } = [];
    public int CheckCount => SecurityChecks.All.Count;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Snapshot = await reader.ReadAsync(HttpContext, ct);
        Registration = await registration.CurrentAsync(ct);
        FailedChecks = SecurityChecks.Evaluate(Snapshot).Where(c => !c.Passed).ToList();
    }

    public string Ago(DateTimeOffset? at) => at is { } time ? $"{Describe.Time(time)} ({Describe.Age(Snapshot.Now - time)} ago)" : "never";
}
