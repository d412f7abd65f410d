/* The handlers of the command table; each returns an exit status. */
#ifndef COMPGAP_COMMANDS_H
#define COMPGAP_COMMANDS_H

#include "cli/cli.h"

int cmd_help(const struct command *cmd, int argc, char **argv);
int cmd_version(const struct command *cmd, int argc, char **argv);
int cmd_init(const struct command *cmd, int argc, char **argv);
int cmd_import(const struct command *cmd, int argc, char **argv);
int cmd_export(const struct command *cmd, int argc, char **argv);
int cmd_retract(const struct command *cmd, int argc, char **argv);
int cmd_demo(const struct command *cmd, int argc, char **argv);
int cmd_generate(const struct command *cmd, int argc, char **argv);
int cmd_list(const struct command *cmd, int argc, char **argv);
int cmd_show(const struct command *cmd, int argc, char **argv);
int cmd_gaps(const struct command *cmd, int argc, char **argv);
int cmd_person(const struct command *cmd, int argc, char **argv);
int cmd_explain(const struct command *cmd, int argc, char **argv);
int cmd_config(const struct command *cmd, int argc, char **argv);
int cmd_check(const struct command *cmd, int argc, char **argv);
int cmd_copy(const struct command *cmd, int argc, char **argv);
int cmd_recommend(const struct command *cmd, int argc, char **argv);
int cmd_trend(const struct command *cmd, int argc, char **argv);
int cmd_report(const struct command *cmd, int argc, char **argv);
int cmd_serve(const struct command *cmd, int argc, char **argv);
int cmd_user(const struct command *cmd, int argc, char **argv);
int cmd_token(const struct command *cmd, int argc, char **argv);
int cmd_audit(const struct command *cmd, int argc, char **argv);
int cmd_privacy(const struct command *cmd, int argc, char **argv);
int cmd_quality(const struct command *cmd, int argc, char **argv);
int cmd_okr(const struct command *cmd, int argc, char **argv);
int cmd_coaching(const struct command *cmd, int argc, char **argv);

/* show coaching KEY (cmd_coaching.c): the exit status. */
int cli_show_coaching(struct store *st, const char *key, bool json, struct err *err);
int cmd_calibration(const struct command *cmd, int argc, char **argv);
int cmd_alerts(const struct command *cmd, int argc, char **argv);
int cmd_webhook(const struct command *cmd, int argc, char **argv);
int cmd_plan(const struct command *cmd, int argc, char **argv);

#endif
