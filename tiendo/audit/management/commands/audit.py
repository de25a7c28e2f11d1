import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tiendo.audit.integrity import verify, write_checkpoint
from tiendo.audit.queries import entries_for


class Command(BaseCommand):
    help = (
        "Nhật ký thay đổi (audit trail). `verify`: kiểm tra chuỗi băm và đối chiếu dữ liệu hiện "
        "tại với trạng thái ghi cuối cùng; `show`: in các mục. (verify: check the hash chain "
        "and that every audited row equals its last logged state; show: print entries.)"
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        ver = sub.add_parser("verify", help="Kiểm tra nhật ký (verify the trail).")
        ver.add_argument("--checkpoint", help="Dòng neo đã lưu ở nơi khác, ví dụ trong thư "
                                              "(a checkpoint line kept elsewhere, e.g. mailed).")
        sub.add_parser("checkpoint", help="Ghi đầu chuỗi ra tệp neo TIENDO_AUDIT_CHECKPOINT "
                                          "(write the chain head outside the database).")
        seal = sub.add_parser("seal", help="Chấp nhận các dòng chưa có trong nhật ký (ví dụ người "
                                           "dùng tạo bằng `manage createsuperuser`), có ghi "
                                           "nhật ký (accept, with an entry, rows the log never "
                                           "described).")
        seal.add_argument("--reason", required=True, help="Lý do (reason), bắt buộc.")
        sub.add_parser("rekey", help="Một lần sau khi nâng cấp: khóa chuỗi bằng HMAC và ghi "
                                     "dấu các dòng chưa có trong nhật ký (once after upgrading: "
                                     "key the chain, seal rows the log never described).")
        show = sub.add_parser("show", help="In các mục nhật ký (print entries).")
        show.add_argument("--object", help="Loại đối tượng, ví dụ indicators.figure "
                                           "(object type), hoặc loại:id.")
        show.add_argument("--unit", help="Mã đơn vị (unit code).")
        show.add_argument("--limit", type=int, default=50,
                          help="Số mục mới nhất (newest N entries), mặc định 50.")
        show.add_argument("--json", action="store_true", help="In JSON (print JSON).")

    def handle(self, *args, action, **opts):
        if action == "verify":
            self._verify(opts.get("checkpoint"))
        elif action == "checkpoint":
            line = write_checkpoint()
            self.stdout.write(f"Đã neo đầu chuỗi: {line or 'nhật ký trống'} "
                              f"(checkpoint written)")
        elif action == "rekey":
            self._rekey()
        elif action == "seal":
            from tiendo.audit.integrity import seal_unexplained

            n = seal_unexplained(actor=None, reason=opts["reason"])
            self.stdout.write(f"Đã ghi dấu {n} dòng. (sealed {n} rows)")
        else:
            self._show(**opts)

    def _rekey(self):
        from tiendo.audit.integrity import seal_unexplained
        from tiendo.audit.services import chain_rekey

        try:
            n = chain_rekey()
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages), returncode=1) from None
        sealed = seal_unexplained(actor=None, reason="tiendo audit rekey")
        write_checkpoint()
        self.stdout.write(f"Đã khóa {n} mục và ghi dấu {sealed} dòng. "
                          f"(re-keyed {n} entries, sealed {sealed} rows)")

    def _verify(self, checkpoint=None):
        report = verify(checkpoint=checkpoint)
        if report.ok:
            self.stdout.write(
                f"Nhật ký toàn vẹn: {report.entries} mục, {report.objects} đối tượng khớp với "
                f"dữ liệu hiện tại, {report.rows} dòng được nhật ký giải thích. (audit trail "
                f"intact: {report.entries} entries, {report.objects} objects match, "
                f"{report.rows} rows explained)")
            return
        for line in report.lines():
            self.stderr.write(line)
        raise CommandError(
            f"Nhật ký không toàn vẹn: {len(report.lines())} vấn đề. "
            f"(audit trail check failed: {len(report.lines())} problems)", returncode=1)

    def _show(self, *, object=None, unit=None, limit=50, json=False, **opts):
        from tiendo.orgs.access import system_user
        from tiendo.orgs.models import Unit

        object_type, object_id = [*object.split(":", 1), ""][:2] if object else ("", "")
        unit_obj = None
        if unit:
            unit_obj = Unit.objects.filter(code=unit).first()
            if unit_obj is None:
                raise CommandError(f"Không có đơn vị mã “{unit}” (no unit with code {unit}).",
                                   returncode=2)
        if limit < 1:
            raise CommandError("--limit phải ≥ 1 (must be at least 1).", returncode=2)
        entries = list(entries_for(user=system_user(), object_type=object_type,
                                   object_id=object_id,
                                   unit_id=unit_obj.pk if unit_obj else None)[:limit])
        if json:
            self.stdout.write(_dumps([_as_json(e) for e in entries]))
            return
        for e in entries:
            self.stdout.write(
                f"#{e.pk:<7} {e.created_at:%Y-%m-%d %H:%M:%S} {e.actor_name or 'system':16} "
                f"{e.action:24} {e.object_type}:{e.object_id} {e.object_repr[:60]}")


def _as_json(e) -> dict:
    return {"id": e.pk, "created_at": e.created_at.isoformat(), "actor": e.actor_name,
            "action": e.action, "object_type": e.object_type, "object_id": e.object_id,
            "object": e.object_repr, "unit_id": e.unit_id, "before": e.before,
            "after": e.after, "reason": e.reason, "hash": e.hash}


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1)
