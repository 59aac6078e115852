# security.mdm on Windows: what manages this PC besides its join state (which dsregcmd gives): the
# MDM enrolments Windows keeps under HKLM\SOFTWARE\Microsoft\Enrollments, and the management agents
# installed as services. Prints one JSON document; values are the registry's own. No user names:
# only whether an enrolment has a UPN is kept.
$ErrorActionPreference = 'Stop'

# Each enrolment is a GUID key. Windows keeps many more there for its own providers (no ProviderID,
# or Local_Management), and leftovers of removed enrolments: the parser keeps only real ones.
$enrollments = @(
  Get-ChildItem -Path 'HKLM:\SOFTWARE\Microsoft\Enrollments' -ErrorAction SilentlyContinue | ForEach-Object {
    $values = Get-ItemProperty -Path $_.PSPath -ErrorAction SilentlyContinue
    if ($values -and $values.ProviderID) {
      [ordered]@{
        providerId      = [string]$values.ProviderID
        enrollmentType  = $values.EnrollmentType
        enrollmentState = $values.EnrollmentState
        discoveryUrl    = $values.DiscoveryServiceFullURL
        hasUpn          = [bool]$values.UPN
      }
    }
  }
)
# The Intune Management Extension (Win32 apps, scripts, remediations) and Configuration Manager's client.
$agents = @(
  Get-Service -Name 'IntuneManagementExtension', 'CcmExec' -ErrorAction SilentlyContinue | ForEach-Object {
    [ordered]@{ name = [string]$_.Name; status = [string]$_.Status }
  }
)

[ordered]@{ enrollments = $enrollments; agents = $agents } | ConvertTo-Json -Depth 4 -Compress
