"""The sections of the Instellingen page, one file each. (Named so, not `ui/settings/`, because
`ui/settings.py` already holds the app's QSettings declarations and a package would shadow it.)"""
