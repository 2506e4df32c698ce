using Kith.Features.Admin.Checks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Admin;

public sealed class SecurityCheckModel(InstanceSnapshotReader reader) : PageModel
{
    public IReadOnlyList<CheckResult> Checks { get; private set; } = [];
    public int Passed => Checks.Count(c => c.Passed);

    public async Task OnGetAsync(CancellationToken ct) => Checks = SecurityChecks.Evaluate(await reader.ReadAsync(HttpContext, ct));
}
