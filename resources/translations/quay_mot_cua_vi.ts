<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>Action</name>
    <message>
        <source>Registered online</source>
        <translation>Đăng ký trực tuyến</translation>
    </message>
    <message>
        <source>Received (complete)</source>
        <translation>Tiếp nhận (hồ sơ đầy đủ)</translation>
    </message>
    <message>
        <source>Received, supplement requested</source>
        <translation>Tiếp nhận, yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Từ chối tiếp nhận</translation>
    </message>
    <message>
        <source>Supplement received</source>
        <translation>Đã nhận hồ sơ bổ sung</translation>
    </message>
    <message>
        <source>Transferred for processing</source>
        <translation>Chuyển xử lý</translation>
    </message>
    <message>
        <source>Processing started</source>
        <translation>Bắt đầu xử lý</translation>
    </message>
    <message>
        <source>Supplement requested</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>Financial obligation requested</source>
        <translation>Yêu cầu thực hiện nghĩa vụ tài chính</translation>
    </message>
    <message>
        <source>Financial obligation fulfilled</source>
        <translation>Đã thực hiện nghĩa vụ tài chính</translation>
    </message>
    <message>
        <source>Processing stopped</source>
        <translation>Dừng xử lý</translation>
    </message>
    <message>
        <source>Result ready</source>
        <translation>Đã có kết quả</translation>
    </message>
    <message>
        <source>Result returned</source>
        <translation>Đã trả kết quả</translation>
    </message>
    <message>
        <source>Withdrawn by the citizen</source>
        <translation>Công dân rút hồ sơ</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Dossier {code}: {old} → {new}</source>
        <translation>Hồ sơ {code}: {old} → {new}</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>&amp;Xác nhận</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>This cannot be empty: it goes into the dossier&apos;s record.</source>
        <translation>Ô này không được để trống: nội dung được ghi vào quá trình xử lý hồ sơ.</translation>
    </message>
</context>
<context>
    <name>AdminTools</name>
    <message>
        <source>Import a procedure catalogue</source>
        <translation>Nhập danh mục thủ tục hành chính</translation>
    </message>
    <message>
        <source>Catalogue files (*.json *.xlsx)</source>
        <translation>Tệp danh mục (*.json *.xlsx)</translation>
    </message>
    <message>
        <source>Catalogue imported: {added} new, {versions} new versions, {unchanged} unchanged.</source>
        <translation>Đã nhập danh mục: {added} thủ tục mới, {versions} phiên bản mới, {unchanged} không thay đổi.</translation>
    </message>
    <message>
        <source>Import days off and make-up working days</source>
        <translation>Nhập ngày nghỉ và ngày làm bù</translation>
    </message>
    <message>
        <source>Calendar files (*.json *.csv)</source>
        <translation>Tệp lịch (*.json *.csv)</translation>
    </message>
    <message>
        <source>Calendar imported: {n} day(s). Appointment dates use it from now on.</source>
        <translation>Đã nhập lịch: {n} ngày. Từ nay ngày hẹn trả được tính theo lịch này.</translation>
    </message>
    <message>
        <source>Everything is in order.</source>
        <translation>Mọi thứ đều ổn.</translation>
    </message>
    <message>
        <source>Some things need fixing (marked ✘).</source>
        <translation>Có mục cần khắc phục (đánh dấu ✘).</translation>
    </message>
</context>
<context>
    <name>ApplicantPage</name>
    <message>
        <source>Applicant</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>Fields marked * are required. Tab moves to the next field, Enter continues.</source>
        <translation>Các ô có dấu * là bắt buộc. Phím Tab chuyển sang ô tiếp theo, Enter để tiếp tục.</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 chữ số</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm (dd/mm/yyyy)</translation>
    </message>
    <message>
        <source>Full &amp;name: *</source>
        <translation>Họ và tê&amp;n: *</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>Số định &amp;danh cá nhân:</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>Ngày &amp;sinh:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>Đị&amp;a chỉ:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>Điện th&amp;oại:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>Thư điện tử (&amp;email):</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kênh nộp:</translation>
    </message>
    <message>
        <source>Number of &amp;sets:</source>
        <translation>Số &amp;bộ hồ sơ:</translation>
    </message>
    <message>
        <source>Enter the applicant&apos;s full name.</source>
        <translation>Hãy nhập họ và tên người nộp hồ sơ.</translation>
    </message>
    <message>
        <source>The ID number must have 12 digits (or 9 digits for an old ID card). Check the number on the card.</source>
        <translation>Số định danh cá nhân phải gồm 12 chữ số (hoặc 9 chữ số nếu là CMND cũ). Hãy kiểm tra lại số trên thẻ.</translation>
    </message>
    <message>
        <source>Enter the birth date as dd/mm/yyyy, for example 01/01/1990.</source>
        <translation>Hãy nhập ngày sinh theo dạng ngày/tháng/năm, ví dụ 01/01/1990.</translation>
    </message>
    <message>
        <source>The birth date cannot be in the future or before 1900.</source>
        <translation>Ngày sinh không thể ở tương lai hoặc trước năm 1900. Hãy kiểm tra lại.</translation>
    </message>
    <message>
        <source>The phone number must have 8 to 15 digits.</source>
        <translation>Số điện thoại phải gồm 8 đến 15 chữ số. Hãy kiểm tra lại.</translation>
    </message>
    <message>
        <source>The e-mail address is not valid (example: ten@example.vn).</source>
        <translation>Địa chỉ thư điện tử chưa đúng (ví dụ: ten@example.vn). Hãy kiểm tra lại.</translation>
    </message>
    <message>
        <source>The scanner sent the accents garbled; they were repaired: check them.</source>
        <translation>Máy quét gửi dấu tiếng Việt bị lỗi; đã sửa lại: hãy kiểm tra.</translation>
    </message>
    <message>
        <source>The code holds more fields than expected (newer card).</source>
        <translation>Mã có nhiều trường hơn dự kiến (thẻ đời mới).</translation>
    </message>
    <message>
        <source>The birth date could not be read: enter it from the card.</source>
        <translation>Không đọc được ngày sinh: hãy nhập theo thẻ.</translation>
    </message>
    <message>
        <source>The issue date could not be read.</source>
        <translation>Không đọc được ngày cấp.</translation>
    </message>
    <message>
        <source>The sex could not be read.</source>
        <translation>Không đọc được giới tính.</translation>
    </message>
    <message>
        <source>The ID number does not match the sex on the card: check the number.</source>
        <translation>Số định danh không khớp với giới tính trên thẻ: hãy kiểm tra lại số.</translation>
    </message>
    <message>
        <source>The ID number does not match the birth year: check both.</source>
        <translation>Số định danh không khớp với năm sinh: hãy kiểm tra cả hai.</translation>
    </message>
    <message>
        <source>The old ID number on the card is not 9 digits.</source>
        <translation>Số CMND cũ trên thẻ không đủ 9 chữ số.</translation>
    </message>
    <message>
        <source>The name is missing from the code: enter it from the card.</source>
        <translation>Mã không có họ tên: hãy nhập theo thẻ.</translation>
    </message>
    <message>
        <source>Read from the ID card — check against the card, then press Enter:</source>
        <translation>Đã đọc từ thẻ căn cước — hãy đối chiếu với thẻ, rồi nhấn Enter:</translation>
    </message>
    <message>
        <source>{name}, ID {id_number}, born {birth}, {sex}; issued {issued}.</source>
        <translation>{name}, số định danh {id_number}, sinh ngày {birth}, {sex}; cấp ngày {issued}.</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <source>At the counter</source>
        <translation>Trực tiếp tại Bộ phận Một cửa</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>By public postal service</source>
        <translation>Qua dịch vụ bưu chính công ích</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <source>Check the papers</source>
        <translation>Kiểm tra thành phần hồ sơ</translation>
    </message>
    <message>
        <source>Tick each paper the citizen handed in (Tab moves, Space ticks). For a missing paper, write what to bring or why.</source>
        <translation>Đánh dấu từng giấy tờ công dân đã nộp (Tab để chuyển, phím cách để đánh dấu). Với giấy tờ còn thiếu, ghi rõ cần bổ sung gì hoặc lý do.</translation>
    </message>
    <message>
        <source>&amp;All received</source>
        <translation>Đã &amp;nhận đủ tất cả</translation>
    </message>
    <message>
        <source>&amp;Refuse to receive: the dossier is not eligible or not within this office&apos;s competence (form 03)</source>
        <translation>Từ &amp;chối tiếp nhận: hồ sơ không đủ điều kiện hoặc không thuộc thẩm quyền giải quyết (mẫu 03)</translation>
    </message>
    <message>
        <source>Reason for refusal (printed on form 03)</source>
        <translation>Lý do từ chối (in trên mẫu 03)</translation>
    </message>
    <message>
        <source>Refusal rea&amp;son:</source>
        <translation>&amp;Lý do từ chối:</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>required</source>
        <translation>bắt buộc</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>không bắt buộc</translation>
    </message>
    <message>
        <source>What to bring / why it is needed</source>
        <translation>Cần bổ sung gì / lý do</translation>
    </message>
    <message>
        <source>The dossier will be REFUSED: form 03 will state the reason.</source>
        <translation>Hồ sơ sẽ bị TỪ CHỐI TIẾP NHẬN: mẫu 03 ghi rõ lý do.</translation>
    </message>
    <message>
        <source>INCOMPLETE: {count} required paper(s) missing. Form 02 will list every missing paper at once; the appointment date is set when the dossier is complete.</source>
        <translation>CHƯA ĐẦY ĐỦ: còn thiếu {count} giấy tờ bắt buộc. Mẫu 02 sẽ liệt kê một lần đầy đủ các giấy tờ cần bổ sung; ngày hẹn trả được tính khi hồ sơ đã đầy đủ.</translation>
    </message>
    <message>
        <source>COMPLETE: every required paper is here. Form 01 (receipt and appointment) will be issued.</source>
        <translation>ĐẦY ĐỦ: đã có mọi giấy tờ bắt buộc. Sẽ cấp mẫu 01 (giấy tiếp nhận hồ sơ và hẹn trả kết quả).</translation>
    </message>
    <message>
        <source>Write the reason for refusal: form 03 must state it.</source>
        <translation>Hãy ghi lý do từ chối: mẫu 03 phải nêu rõ lý do.</translation>
    </message>
</context>
<context>
    <name>CopyKind</name>
    <message>
        <source>Original</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Bản sao</translation>
    </message>
    <message>
        <source>Certified copy</source>
        <translation>Bản sao chứng thực</translation>
    </message>
    <message>
        <source>Original or copy</source>
        <translation>Bản chính hoặc bản sao</translation>
    </message>
    <message>
        <source>Present the original</source>
        <translation>Xuất trình bản chính</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <source>Queue display</source>
        <translation>Màn hình gọi số</translation>
    </message>
    <message>
        <source>Now serving</source>
        <translation>Đang phục vụ</translation>
    </message>
    <message>
        <source>Just called</source>
        <translation>Vừa gọi</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <source>Please keep your ticket and wait for your number to be called. Priority is given to the elderly, people with disabilities, pregnant women and people with small children.</source>
        <translation>Xin quý khách giữ phiếu và chờ đến lượt được gọi số. Ưu tiên người cao tuổi, người khuyết tật, phụ nữ mang thai và người đi cùng trẻ nhỏ.</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Đang kết nối lại…</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Không có phiếu</translation>
    </message>
    <message>
        <source>{number} → counter {counter}</source>
        <translation>{number} → quầy {counter}</translation>
    </message>
    <message>
        <source>Counter {n}</source>
        <translation>Quầy {n}</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Dossier saved</source>
        <translation>Đã lưu hồ sơ</translation>
    </message>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Print receipt (Ctrl+P)</source>
        <translation>&amp;In giấy tiếp nhận (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Save PDF… (Ctrl+S)</source>
        <translation>&amp;Lưu PDF… (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Open PDF (Ctrl+O)</source>
        <translation>Mở &amp;PDF (Ctrl+O)</translation>
    </message>
    <message>
        <source>Make the form &amp;again</source>
        <translation>Tạo lại &amp;biểu mẫu</translation>
    </message>
    <message>
        <source>&amp;New dossier (Ctrl+N)</source>
        <translation>Hồ sơ &amp;mới (Ctrl+N)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hoàn tất</translation>
    </message>
    <message>
        <source>{name} · {procedure}</source>
        <translation>{name} · {procedure}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Trạng thái: {status}</translation>
    </message>
    <message>
        <source>Appointment: {due}</source>
        <translation>Hẹn trả kết quả: {due}</translation>
    </message>
    <message>
        <source>&amp;Print form (Ctrl+P)</source>
        <translation>&amp;In biểu mẫu (Ctrl+P)</translation>
    </message>
    <message>
        <source>Preparing {form}…</source>
        <translation>Đang tạo {form}…</translation>
    </message>
    <message>
        <source>{form} is ready and kept with the dossier. Print it for the citizen.</source>
        <translation>{form} đã sẵn sàng và được lưu cùng hồ sơ. Hãy in cho công dân.</translation>
    </message>
</context>
<context>
    <name>DossierActions</name>
    <message>
        <source>Transfer for processing…</source>
        <translation>Chuyển xử lý…</translation>
    </message>
    <message>
        <source>&amp;Processing unit receiving the dossier:</source>
        <translation>&amp;Đơn vị nhận hồ sơ để xử lý:</translation>
    </message>
    <message>
        <source>Start processing here…</source>
        <translation>Xử lý tại đây…</translation>
    </message>
    <message>
        <source>&amp;Note (optional):</source>
        <translation>&amp;Ghi chú (nếu có):</translation>
    </message>
    <message>
        <source>Supplement received…</source>
        <translation>Nhận hồ sơ bổ sung…</translation>
    </message>
    <message>
        <source>&amp;What was handed in (optional):</source>
        <translation>&amp;Giấy tờ đã nộp bổ sung (nếu có):</translation>
    </message>
    <message>
        <source>Request a supplement…</source>
        <translation>Yêu cầu bổ sung…</translation>
    </message>
    <message>
        <source>&amp;What must be supplemented, and why:</source>
        <translation>&amp;Nội dung cần bổ sung và lý do:</translation>
    </message>
    <message>
        <source>Request financial obligation…</source>
        <translation>Yêu cầu thực hiện nghĩa vụ tài chính…</translation>
    </message>
    <message>
        <source>&amp;Amount and how to pay:</source>
        <translation>&amp;Số tiền và cách nộp:</translation>
    </message>
    <message>
        <source>Financial obligation fulfilled…</source>
        <translation>Đã thực hiện nghĩa vụ tài chính…</translation>
    </message>
    <message>
        <source>Result ready…</source>
        <translation>Đã có kết quả…</translation>
    </message>
    <message>
        <source>Return the result…</source>
        <translation>Trả kết quả…</translation>
    </message>
    <message>
        <source>&amp;Name of the person receiving the result:</source>
        <translation>&amp;Họ tên người nhận kết quả:</translation>
    </message>
    <message>
        <source>Refuse…</source>
        <translation>Từ chối tiếp nhận…</translation>
    </message>
    <message>
        <source>&amp;Reason for refusal:</source>
        <translation>&amp;Lý do từ chối:</translation>
    </message>
    <message>
        <source>Stop processing…</source>
        <translation>Dừng xử lý…</translation>
    </message>
    <message>
        <source>&amp;Reason for stopping:</source>
        <translation>&amp;Lý do dừng xử lý:</translation>
    </message>
    <message>
        <source>Withdraw at the citizen&apos;s request…</source>
        <translation>Rút hồ sơ theo yêu cầu công dân…</translation>
    </message>
    <message>
        <source>&amp;Reason given by the citizen:</source>
        <translation>&amp;Lý do công dân nêu:</translation>
    </message>
</context>
<context>
    <name>DossierDetail</name>
    <message>
        <source>← Back to the list (Esc)</source>
        <translation>← Về danh sách (Esc)</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại bản</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước xử lý</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>Thời điểm tạo</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Quá trình xử lý</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Biểu mẫu, tài liệu</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>Sa&amp;ve PDF…</source>
        <translation>&amp;Lưu PDF…</translation>
    </message>
    <message>
        <source>&amp;Digitally sign…</source>
        <translation>&amp;Ký số…</translation>
    </message>
    <message>
        <source>Check si&amp;gnatures</source>
        <translation>Kiểm tra &amp;chữ ký</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>Missing: {reason}</source>
        <translation>Thiếu: {reason}</translation>
    </message>
    <message>
        <source>not set (dossier not complete)</source>
        <translation>chưa có (hồ sơ chưa đầy đủ)</translation>
    </message>
    <message>
        <source>{due} — OVERDUE</source>
        <translation>{due} — QUÁ HẠN</translation>
    </message>
    <message>
        <source>{channel}, {sets} set(s)</source>
        <translation>{channel}, {sets} bộ</translation>
    </message>
    <message>
        <source>Applicant:</source>
        <translation>Người nộp:</translation>
    </message>
    <message>
        <source>Procedure:</source>
        <translation>Thủ tục:</translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation>Số định danh:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Tiếp nhận lúc:</translation>
    </message>
    <message>
        <source>Birth date:</source>
        <translation>Ngày sinh:</translation>
    </message>
    <message>
        <source>Appointment:</source>
        <translation>Hẹn trả:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Địa chỉ:</translation>
    </message>
    <message>
        <source>Channel / sets:</source>
        <translation>Kênh nộp / số bộ:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Điện thoại:</translation>
    </message>
    <message>
        <source>Result delivery:</source>
        <translation>Hình thức trả kết quả:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Thư điện tử:</translation>
    </message>
    <message>
        <source>Register line:</source>
        <translation>Số thứ tự trong sổ:</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>Bước tiếp theo:</translation>
    </message>
    <message>
        <source>Make {form}</source>
        <translation>Tạo {form}</translation>
    </message>
    <message>
        <source>To: {unit}</source>
        <translation>Chuyển đến: {unit}</translation>
    </message>
    <message>
        <source>Received by: {name}</source>
        <translation>Người nhận: {name}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Lý do: {reason}</translation>
    </message>
    <message>
        <source>Missing: {items}</source>
        <translation>Còn thiếu: {items}</translation>
    </message>
    <message>
        <source>Saved: {step}. Status now: {status}.</source>
        <translation>Đã lưu: {step}. Trạng thái hiện tại: {status}.</translation>
    </message>
    <message>
        <source>Choose a document in the list first.</source>
        <translation>Hãy chọn một tài liệu trong danh sách trước.</translation>
    </message>
</context>
<context>
    <name>DossierListPanel</name>
    <message>
        <source>Find a dossier</source>
        <translation>Tra cứu hồ sơ</translation>
    </message>
    <message>
        <source>Dossier code, applicant&apos;s name, ID number or phone — accents optional</source>
        <translation>Mã hồ sơ, tên người nộp, số định danh hoặc số điện thoại — gõ có dấu hay không dấu đều được</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>Tìm &amp;kiếm:</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tất cả trạng thái</translation>
    </message>
    <message>
        <source>All procedures</source>
        <translation>Tất cả thủ tục</translation>
    </message>
    <message>
        <source>Received &amp;from</source>
        <translation>Tiếp nhận từ &amp;ngày</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>Bỏ &amp;lọc</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>Trạn&amp;g thái:</translation>
    </message>
    <message>
        <source>&amp;Procedure:</source>
        <translation>Thủ tụ&amp;c:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>Showing the newest {count} dossiers; type more to narrow the search.</source>
        <translation>Đang hiện {count} hồ sơ mới nhất; gõ thêm để thu hẹp kết quả.</translation>
    </message>
    <message>
        <source>{count} dossier(s)</source>
        <translation>{count} hồ sơ</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Overdue since {due}</source>
        <translation>Quá hạn từ {due}</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>The operation could not be completed. Try again; if it fails again, call IT support.</source>
        <translation>Chưa thực hiện được thao tác. Hãy thử lại; nếu vẫn lỗi, hãy gọi bộ phận hỗ trợ kỹ thuật.</translation>
    </message>
    <message>
        <source>Some of the data entered is not valid. Check the highlighted fields and try again.</source>
        <translation>Một số thông tin đã nhập chưa hợp lệ. Hãy kiểm tra các ô được đánh dấu rồi thử lại.</translation>
    </message>
    <message>
        <source>The date or time is not valid. Check the date entered and the computer&apos;s clock, then try again.</source>
        <translation>Ngày hoặc giờ chưa hợp lệ. Hãy kiểm tra ngày đã nhập và đồng hồ của máy tính, rồi thử lại.</translation>
    </message>
    <message>
        <source>This procedure is no longer in the catalogue. Search for the procedure again and pick it from the list.</source>
        <translation>Thủ tục này không còn trong danh mục. Hãy tìm lại thủ tục và chọn trong danh sách.</translation>
    </message>
    <message>
        <source>No dossier has this code. Check the code, or search by the applicant&apos;s name.</source>
        <translation>Không có hồ sơ nào mang mã này. Hãy kiểm tra lại mã, hoặc tìm theo tên người nộp.</translation>
    </message>
    <message>
        <source>The catalogue file cannot be read. Ask the province for a correct catalogue file.</source>
        <translation>Không đọc được tệp danh mục thủ tục. Hãy đề nghị tỉnh cung cấp tệp danh mục đúng định dạng.</translation>
    </message>
    <message>
        <source>This catalogue has already been imported. Nothing needs to be done.</source>
        <translation>Danh mục này đã được nhập trước đó. Không cần làm gì thêm.</translation>
    </message>
    <message>
        <source>This step is not allowed for the dossier&apos;s current status (it may have just been updated). Reload the dossier and choose again.</source>
        <translation>Không thể thực hiện bước này với trạng thái hiện tại của hồ sơ (hồ sơ có thể vừa được cập nhật). Hãy tải lại hồ sơ (F5) rồi chọn lại.</translation>
    </message>
    <message>
        <source>The data could not be saved or read. Nothing was changed. Try again; if it fails again, restart the application and call IT support.</source>
        <translation>Không lưu hoặc đọc được dữ liệu; chưa có gì thay đổi. Hãy thử lại; nếu vẫn lỗi, hãy khởi động lại phần mềm và gọi bộ phận hỗ trợ kỹ thuật.</translation>
    </message>
    <message>
        <source>The data folder is read-only: the dossier was not saved. Ask IT support to give write access, then try again.</source>
        <translation>Thư mục dữ liệu đang ở chế độ chỉ đọc: hồ sơ chưa được lưu. Hãy nhờ bộ phận hỗ trợ kỹ thuật cấp quyền ghi rồi thử lại.</translation>
    </message>
    <message>
        <source>The disk is full: the dossier was not saved. Free some disk space, then try again.</source>
        <translation>Ổ đĩa đã đầy: hồ sơ chưa được lưu. Hãy giải phóng dung lượng rồi thử lại.</translation>
    </message>
    <message>
        <source>No dossier numbers are left for today on this computer. Receive the dossier on another counter and call IT support.</source>
        <translation>Máy này đã hết số hồ sơ cho hôm nay. Hãy tiếp nhận hồ sơ ở quầy khác và gọi bộ phận hỗ trợ kỹ thuật.</translation>
    </message>
    <message>
        <source>The device is not responding. Check that it is switched on and connected, then try again.</source>
        <translation>Thiết bị không phản hồi. Hãy kiểm tra thiết bị đã bật và đã kết nối, rồi thử lại.</translation>
    </message>
    <message>
        <source>The printer is not responding. Check that it is on and connected, then print again; the dossier is already saved.</source>
        <translation>Máy in không phản hồi. Hãy kiểm tra máy in đã bật và đã kết nối, rồi in lại; hồ sơ đã được lưu.</translation>
    </message>
    <message>
        <source>The printer is out of paper. Load paper, then print again; the dossier is already saved.</source>
        <translation>Máy in hết giấy. Hãy nạp giấy rồi in lại; hồ sơ đã được lưu.</translation>
    </message>
    <message>
        <source>The form template is missing. The dossier is saved; call IT support to install the forms, then print the form from the dossier.</source>
        <translation>Thiếu mẫu biểu. Hồ sơ đã được lưu; hãy gọi bộ phận hỗ trợ kỹ thuật cài đặt mẫu biểu, sau đó in biểu mẫu từ màn hình hồ sơ.</translation>
    </message>
    <message>
        <source>The form template is damaged. The dossier is saved; call IT support to repair the forms, then print the form from the dossier.</source>
        <translation>Mẫu biểu bị lỗi. Hồ sơ đã được lưu; hãy gọi bộ phận hỗ trợ kỹ thuật sửa mẫu biểu, sau đó in biểu mẫu từ màn hình hồ sơ.</translation>
    </message>
    <message>
        <source>The printer&apos;s cover is open. Close it, then print again; nothing has been lost.</source>
        <translation>Nắp máy in đang mở. Hãy đóng nắp rồi in lại; không có gì bị mất.</translation>
    </message>
    <message>
        <source>The document could not be signed. Check that the signing token is plugged in, then sign again.</source>
        <translation>Chưa ký được văn bản. Hãy kiểm tra thiết bị ký số (token) đã được cắm vào máy, rồi ký lại.</translation>
    </message>
    <message>
        <source>No signing token was found. Plug in the USB token (or insert the card), then sign again.</source>
        <translation>Không tìm thấy thiết bị ký số. Hãy cắm USB token (hoặc đưa thẻ vào đầu đọc), rồi ký lại.</translation>
    </message>
    <message>
        <source>The token holds no signing key for this office. Plug in the right token, or ask IT support to check the signing settings.</source>
        <translation>Thiết bị ký số không có khóa ký của cơ quan. Hãy cắm đúng thiết bị ký số, hoặc nhờ bộ phận hỗ trợ kỹ thuật kiểm tra cấu hình ký số.</translation>
    </message>
    <message>
        <source>The PIN is wrong. Type it again carefully: the token locks after too many wrong tries.</source>
        <translation>Mã PIN không đúng. Hãy nhập lại cẩn thận: thiết bị ký số sẽ bị khóa nếu nhập sai quá số lần cho phép.</translation>
    </message>
    <message>
        <source>The signing token is locked after too many wrong PINs. Do not try again; ask the certificate provider to unlock it.</source>
        <translation>Thiết bị ký số đã bị khóa do nhập sai mã PIN nhiều lần. Đừng thử lại; hãy liên hệ nhà cung cấp chứng thư số để mở khóa.</translation>
    </message>
    <message>
        <source>The signing certificate is not valid. Ask the certificate provider to check or renew it.</source>
        <translation>Chứng thư số không hợp lệ. Hãy liên hệ nhà cung cấp chứng thư số để kiểm tra hoặc gia hạn.</translation>
    </message>
    <message>
        <source>The signing certificate has expired. Ask the certificate provider to renew it, then sign again.</source>
        <translation>Chứng thư số đã hết hạn. Hãy liên hệ nhà cung cấp chứng thư số để gia hạn, rồi ký lại.</translation>
    </message>
    <message>
        <source>The signing certificate is not valid yet. Check the computer&apos;s date and time; if they are right, wait for the certificate&apos;s start date.</source>
        <translation>Chứng thư số chưa đến thời gian có hiệu lực. Hãy kiểm tra ngày giờ của máy tính; nếu đúng, hãy chờ đến ngày chứng thư số có hiệu lực.</translation>
    </message>
    <message>
        <source>This certificate is not meant for signing documents. Choose the signing certificate on the token, or ask the certificate provider.</source>
        <translation>Chứng thư số này không dùng để ký văn bản. Hãy chọn chứng thư số dùng để ký trên thiết bị, hoặc hỏi nhà cung cấp chứng thư số.</translation>
    </message>
    <message>
        <source>The PDF file cannot be used. Scan or export the document again, then try again.</source>
        <translation>Không dùng được tệp PDF này. Hãy quét hoặc xuất lại tài liệu, rồi thử lại.</translation>
    </message>
    <message>
        <source>The PDF file is damaged. Scan or export the document again, then try again.</source>
        <translation>Tệp PDF bị hỏng. Hãy quét hoặc xuất lại tài liệu, rồi thử lại.</translation>
    </message>
    <message>
        <source>The PDF file is protected by a password. Ask for a copy without a password, or scan the paper document.</source>
        <translation>Tệp PDF đang được đặt mật khẩu. Hãy đề nghị bản không có mật khẩu, hoặc quét bản giấy.</translation>
    </message>
    <message>
        <source>This service is not in the queue settings. Choose a service from the list, or ask the administrator to add it.</source>
        <translation>Dịch vụ này chưa có trong cấu hình xếp hàng. Hãy chọn dịch vụ trong danh sách, hoặc đề nghị quản trị viên bổ sung.</translation>
    </message>
    <message>
        <source>No ticket has this number today. Check the number on the citizen&apos;s ticket.</source>
        <translation>Hôm nay không có phiếu nào mang số này. Hãy kiểm tra số trên phiếu của công dân.</translation>
    </message>
    <message>
        <source>This step is not possible for the ticket now (it may already have been called or served). Look at the queue again and choose again.</source>
        <translation>Không thể thực hiện bước này với phiếu lúc này (phiếu có thể đã được gọi hoặc đã phục vụ). Hãy xem lại hàng chờ rồi chọn lại.</translation>
    </message>
    <message>
        <source>The calendar file cannot be read. Ask the province for a correct calendar file.</source>
        <translation>Không đọc được tệp lịch làm việc. Hãy đề nghị tỉnh cung cấp tệp lịch đúng định dạng.</translation>
    </message>
    <message>
        <source>Sending to the provincial system failed. Your work is saved on this computer and will be sent later.</source>
        <translation>Gửi dữ liệu lên hệ thống của tỉnh chưa thành công. Công việc đã được lưu trên máy này và sẽ được gửi lại sau.</translation>
    </message>
    <message>
        <source>This counter is not connected to the provincial system yet. Dossiers are kept on this computer; ask IT support to set up the connection.</source>
        <translation>Quầy này chưa được kết nối với hệ thống của tỉnh. Hồ sơ được lưu trên máy này; hãy nhờ bộ phận hỗ trợ kỹ thuật thiết lập kết nối.</translation>
    </message>
    <message>
        <source>No connection to the provincial system. Keep working: everything is saved on this computer and is sent automatically when the network is back.</source>
        <translation>Chưa kết nối được với hệ thống của tỉnh. Cứ tiếp tục làm việc: mọi dữ liệu được lưu trên máy này và tự động gửi đi khi có mạng trở lại.</translation>
    </message>
    <message>
        <source>The provincial system is having problems. Keep working: everything is sent automatically later.</source>
        <translation>Hệ thống của tỉnh đang gặp sự cố. Cứ tiếp tục làm việc: dữ liệu sẽ được tự động gửi đi sau.</translation>
    </message>
    <message>
        <source>The provincial system refused the data. Call IT support; the dossier stays saved on this computer.</source>
        <translation>Hệ thống của tỉnh từ chối dữ liệu. Hãy gọi bộ phận hỗ trợ kỹ thuật; hồ sơ vẫn được lưu trên máy này.</translation>
    </message>
    <message>
        <source>The provincial system no longer recognises this counter. Ask IT support to register this computer again; your work stays saved on it.</source>
        <translation>Hệ thống của tỉnh không còn nhận diện quầy này. Hãy nhờ bộ phận hỗ trợ kỹ thuật đăng ký lại máy; công việc vẫn được lưu trên máy này.</translation>
    </message>
    <message>
        <source>The file could not be saved there. Choose another folder (for example Documents) and save again.</source>
        <translation>Không lưu được tệp vào đó. Hãy chọn thư mục khác (ví dụ Tài liệu - Documents) rồi lưu lại.</translation>
    </message>
    <message>
        <source>Printing failed. Check the printer, then print again; the dossier and its form are already saved.</source>
        <translation>In không thành công. Hãy kiểm tra máy in rồi in lại; hồ sơ và biểu mẫu đã được lưu.</translation>
    </message>
    <message>
        <source>No program could open the PDF. Use Save PDF… and open the file from its folder, or print it directly.</source>
        <translation>Không có phần mềm nào mở được tệp PDF. Hãy dùng «Lưu PDF…» rồi mở tệp từ thư mục đã lưu, hoặc in trực tiếp.</translation>
    </message>
    <message>
        <source>The ID card&apos;s QR code could not be read. Hold the card flat and still, avoid glare, and scan again; or type the details from the card.</source>
        <translation>Không đọc được mã QR trên thẻ căn cước. Hãy giữ thẻ phẳng, yên, tránh bị lóa rồi quét lại; hoặc nhập thông tin theo thẻ.</translation>
    </message>
    <message>
        <source>This QR code is not the one of a citizen ID card. Scan the QR code in the top right corner of the card&apos;s front.</source>
        <translation>Mã QR này không phải mã QR của thẻ căn cước. Hãy quét mã QR ở góc trên bên phải mặt trước của thẻ.</translation>
    </message>
    <message>
        <source>The file cannot be opened as a picture or PDF. Choose a PDF, JPEG, PNG or TIFF file, or scan the paper again.</source>
        <translation>Không mở được tệp dưới dạng ảnh hoặc PDF. Hãy chọn tệp PDF, JPEG, PNG hoặc TIFF, hoặc quét lại giấy tờ.</translation>
    </message>
    <message>
        <source>Scanning stopped. The pages already scanned are kept; check the scanner, then scan the remaining pages.</source>
        <translation>Việc quét bị dừng. Các trang đã quét vẫn được giữ; hãy kiểm tra máy quét rồi quét tiếp các trang còn lại.</translation>
    </message>
    <message>
        <source>The scanner was not found. Check that it is switched on and connected, then choose it again in the settings.</source>
        <translation>Không tìm thấy máy quét. Hãy kiểm tra máy đã bật và đã kết nối, rồi chọn lại máy quét trong phần cài đặt.</translation>
    </message>
    <message>
        <source>The paper is jammed (or the cover is open). Clear the paper, close the cover, then scan the remaining pages; the pages already scanned are kept.</source>
        <translation>Máy quét bị kẹt giấy (hoặc nắp đang mở). Hãy gỡ giấy, đóng nắp rồi quét tiếp các trang còn lại; các trang đã quét vẫn được giữ.</translation>
    </message>
    <message>
        <source>Scanning was cancelled. The pages already scanned are kept.</source>
        <translation>Đã hủy việc quét. Các trang đã quét vẫn được giữ.</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Form 01: receipt and appointment</source>
        <translation>Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả</translation>
    </message>
    <message>
        <source>Form 02: request to supplement the dossier</source>
        <translation>Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</translation>
    </message>
    <message>
        <source>Form 03: refusal to receive the dossier</source>
        <translation>Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ</translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Hủy (Esc)</translation>
    </message>
    <message>
        <source>← Back (Alt+←)</source>
        <translation>← Quay lại (Alt+←)</translation>
    </message>
    <message>
        <source>Next → (Enter)</source>
        <translation>Tiếp theo → (Enter)</translation>
    </message>
    <message>
        <source>Receive dossier (Ctrl+Enter)</source>
        <translation>Tiếp nhận hồ sơ (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel this dossier?</source>
        <translation>Hủy hồ sơ đang nhập?</translation>
    </message>
    <message>
        <source>Everything entered for this dossier will be discarded. Nothing has been saved yet.</source>
        <translation>Mọi thông tin đã nhập cho hồ sơ này sẽ bị bỏ. Hồ sơ chưa được lưu.</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Bỏ hồ sơ này</translation>
    </message>
    <message>
        <source>&amp;Keep entering</source>
        <translation>&amp;Tiếp tục nhập</translation>
    </message>
    <message>
        <source>ID card read: the applicant&apos;s details are filled in.</source>
        <translation>Đã đọc thẻ căn cước: thông tin người nộp hồ sơ đã được điền sẵn.</translation>
    </message>
    <message>
        <source>Loading the procedure catalogue…</source>
        <translation>Đang tải danh mục thủ tục…</translation>
    </message>
    <message>
        <source>Saving the dossier…</source>
        <translation>Đang lưu hồ sơ…</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Take a number</source>
        <translation>Lấy số thứ tự</translation>
    </message>
    <message>
        <source>Touch the service you need to take a number</source>
        <translation>Chạm vào dịch vụ cần làm để lấy số thứ tự</translation>
    </message>
    <message>
        <source>No priority</source>
        <translation>Không ưu tiên</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} người đang chờ</translation>
    </message>
    <message>
        <source>Please take your ticket. {service}: please wait to be called.</source>
        <translation>Xin mời nhận phiếu. {service}: xin vui lòng chờ đến lượt.</translation>
    </message>
    <message>
        <source>The printer has a problem and your ticket was not printed. Your number is kept: remember it and tell the officer at the counter. {service}.</source>
        <translation>Máy in đang gặp sự cố nên phiếu chưa được in. Số của quý khách đã được ghi nhận: xin ghi nhớ số này và báo cán bộ tại quầy. {service}.</translation>
    </message>
    <message>
        <source>No number could be given. Please try again or ask the officer.</source>
        <translation>Chưa lấy được số. Xin thử lại hoặc hỏi cán bộ.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Within the day</source>
        <translation>Trong ngày</translation>
    </message>
    <message>
        <source>{amount} working hours</source>
        <translation>{amount} giờ làm việc</translation>
    </message>
    <message>
        <source>{amount} days</source>
        <translation>{amount} ngày</translation>
    </message>
    <message>
        <source>{amount} working days</source>
        <translation>{amount} ngày làm việc</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Miễn phí</translation>
    </message>
    <message>
        <source>{amount} VND</source>
        <translation>{amount} đồng</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Receive dossiers
Ctrl+1</source>
        <translation>Tiếp nhận hồ sơ
Ctrl+1</translation>
    </message>
    <message>
        <source>Find dossiers
Ctrl+2</source>
        <translation>Tra cứu hồ sơ
Ctrl+2</translation>
    </message>
    <message>
        <source>Queue
Ctrl+3</source>
        <translation>Hàng đợi
Ctrl+3</translation>
    </message>
    <message>
        <source>Sync
Ctrl+4</source>
        <translation>Đồng bộ
Ctrl+4</translation>
    </message>
    <message>
        <source>&amp;Dossier</source>
        <translation>&amp;Hồ sơ</translation>
    </message>
    <message>
        <source>&amp;New dossier</source>
        <translation>&amp;Tiếp nhận hồ sơ mới</translation>
    </message>
    <message>
        <source>&amp;Find a dossier</source>
        <translation>Tra &amp;cứu hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Receive dossiers</source>
        <translation>&amp;Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Find dossiers</source>
        <translation>Tra &amp;cứu hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Hàng đợi</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>Đồng &amp;bộ</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Quản trị</translation>
    </message>
    <message>
        <source>&amp;Register of dossiers…</source>
        <translation>&amp;Sổ theo dõi hồ sơ…</translation>
    </message>
    <message>
        <source>Import a procedure &amp;catalogue…</source>
        <translation>Nhập danh mục &amp;thủ tục…</translation>
    </message>
    <message>
        <source>Import days off and make-up &amp;working days…</source>
        <translation>Nhập ngày nghỉ và ngày làm &amp;bù…</translation>
    </message>
    <message>
        <source>&amp;Check the system</source>
        <translation>&amp;Kiểm tra hệ thống</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Trợ giúp</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <source>Office: {name}</source>
        <translation>Cơ quan: {name}</translation>
    </message>
    <message>
        <source>Counter: {name}</source>
        <translation>Quầy: {name}</translation>
    </message>
    <message>
        <source>Officer: {name}</source>
        <translation>Cán bộ: {name}</translation>
    </message>
    <message>
        <source>Ticket printer: not set up</source>
        <translation>Máy in phiếu: chưa cài đặt</translation>
    </message>
    <message>
        <source>Ticket printer: not responding</source>
        <translation>Máy in phiếu: không phản hồi</translation>
    </message>
    <message>
        <source>Ticket printer: ready</source>
        <translation>Máy in phiếu: sẵn sàng</translation>
    </message>
    <message>
        <source>Ticket printer: out of paper</source>
        <translation>Máy in phiếu: hết giấy</translation>
    </message>
    <message>
        <source>Ticket printer: not ready</source>
        <translation>Máy in phiếu: chưa sẵn sàng</translation>
    </message>
    <message>
        <source>New dossier</source>
        <translation>Tiếp nhận hồ sơ mới</translation>
    </message>
    <message>
        <source>Receive / find dossiers / queue</source>
        <translation>Tiếp nhận / tra cứu hồ sơ / hàng đợi</translation>
    </message>
    <message>
        <source>Find a dossier</source>
        <translation>Tra cứu hồ sơ</translation>
    </message>
    <message>
        <source>Next step; in a list, open</source>
        <translation>Bước tiếp theo; trong danh sách: mở hồ sơ</translation>
    </message>
    <message>
        <source>Previous step / back to the list</source>
        <translation>Quay lại bước trước / về danh sách</translation>
    </message>
    <message>
        <source>Receive the dossier</source>
        <translation>Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <source>Tick or untick a paper</source>
        <translation>Đánh dấu / bỏ đánh dấu giấy tờ</translation>
    </message>
    <message>
        <source>Cancel / back</source>
        <translation>Hủy / quay lại</translation>
    </message>
    <message>
        <source>Print / save / open the form</source>
        <translation>In / lưu / mở biểu mẫu</translation>
    </message>
    <message>
        <source>Reload the dossier</source>
        <translation>Tải lại hồ sơ</translation>
    </message>
    <message>
        <source>underlined letter</source>
        <translation>chữ cái gạch chân</translation>
    </message>
    <message>
        <source>Go to that field</source>
        <translation>Chuyển đến ô đó</translation>
    </message>
    <message>
        <source>Queue: call next / recall / no-show</source>
        <translation>Hàng đợi: gọi số tiếp / gọi lại / vắng mặt</translation>
    </message>
    <message>
        <source>Queue: finish / park or resume / transfer / walk-in</source>
        <translation>Hàng đợi: xong / tạm dừng hoặc tiếp tục / chuyển / khách không phiếu</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>Close the application?</source>
        <translation>Đóng phần mềm?</translation>
    </message>
    <message>
        <source>The dossier being entered has not been saved and will be lost.</source>
        <translation>Hồ sơ đang nhập chưa được lưu và sẽ bị mất.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Đóng</translation>
    </message>
    <message>
        <source>&amp;Keep entering</source>
        <translation>&amp;Tiếp tục nhập</translation>
    </message>
</context>
<context>
    <name>PdfActions</name>
    <message>
        <source>Print {title}</source>
        <translation>In {title}</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <source>Sent {pages} page(s) to the printer.</source>
        <translation>Đã gửi {pages} trang tới máy in.</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Đã lưu vào {path}</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Digital signature — PIN</source>
        <translation>Ký số — nhập mã PIN</translation>
    </message>
    <message>
        <source>Sign {count} document(s) with: {token}</source>
        <translation>Ký {count} văn bản bằng: {token}</translation>
    </message>
    <message>
        <source>Type the PIN of the signing token (USB token or card):</source>
        <translation>Nhập mã PIN của thiết bị ký số (USB token hoặc thẻ):</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Mã PIN</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Ký</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>Type the PIN first.</source>
        <translation>Hãy nhập mã PIN trước.</translation>
    </message>
    <message>
        <source>The token is LOCKED after too many wrong PINs. Do not try again: ask the certificate provider to unlock it.</source>
        <translation>Thiết bị ký số đã BỊ KHOÁ do nhập sai mã PIN quá nhiều lần. Đừng thử lại: liên hệ nhà cung cấp chứng thư số để mở khoá.</translation>
    </message>
    <message>
        <source>Wrong PIN. Only ONE try is left before the token locks.</source>
        <translation>Sai mã PIN. Chỉ còn MỘT lần thử trước khi thiết bị bị khoá.</translation>
    </message>
    <message>
        <source>Wrong PIN. The token has counted wrong tries: type carefully.</source>
        <translation>Sai mã PIN. Thiết bị đã ghi nhận các lần nhập sai: hãy nhập cẩn thận.</translation>
    </message>
    <message>
        <source>Wrong PIN. Nothing was signed; type it again.</source>
        <translation>Sai mã PIN. Chưa ký văn bản nào; hãy nhập lại.</translation>
    </message>
</context>
<context>
    <name>ProcedurePage</name>
    <message>
        <source>Which procedure is the citizen asking for?</source>
        <translation>Công dân yêu cầu thủ tục nào?</translation>
    </message>
    <message>
        <source>Type part of the name or the code, with or without accents; ↑/↓ choose, Enter continues.</source>
        <translation>Gõ một phần tên hoặc mã thủ tục, có dấu hay không dấu đều được; ↑/↓ để chọn, Enter để tiếp tục.</translation>
    </message>
    <message>
        <source>For example: khai sinh</source>
        <translation>Ví dụ: khai sinh</translation>
    </message>
    <message>
        <source>&amp;Search procedure:</source>
        <translation>Tìm &amp;kiếm thủ tục:</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <source>{count} procedures found</source>
        <translation>Tìm thấy {count} thủ tục</translation>
    </message>
    <message>
        <source>Choose a procedure from the list: type part of its name, then press Enter.</source>
        <translation>Hãy chọn một thủ tục trong danh sách: gõ một phần tên thủ tục rồi nhấn Enter.</translation>
    </message>
</context>
<context>
    <name>QueueChoiceDialog</name>
    <message>
        <source>(same service)</source>
        <translation>(cùng dịch vụ)</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Dịch vụ:</translation>
    </message>
    <message>
        <source>any counter</source>
        <translation>quầy bất kỳ</translation>
    </message>
    <message>
        <source>&amp;Counter:</source>
        <translation>&amp;Quầy:</translation>
    </message>
    <message>
        <source>Ordinary</source>
        <translation>Thường</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Ưu tiên:</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;Đồng ý</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Hủy</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Counter {n} — {officer}</source>
        <translation>Quầy {n} — {officer}</translation>
    </message>
    <message>
        <source>Now serving</source>
        <translation>Đang phục vụ</translation>
    </message>
    <message>
        <source>Call next (F2)</source>
        <translation>Gọi số tiếp (F2)</translation>
    </message>
    <message>
        <source>Recall (F3)</source>
        <translation>Gọi lại (F3)</translation>
    </message>
    <message>
        <source>No-show (F4)</source>
        <translation>Vắng mặt (F4)</translation>
    </message>
    <message>
        <source>Finish (F6)</source>
        <translation>Xong (F6)</translation>
    </message>
    <message>
        <source>Park / resume (F7)</source>
        <translation>Tạm dừng / tiếp tục (F7)</translation>
    </message>
    <message>
        <source>Transfer… (F8)</source>
        <translation>Chuyển… (F8)</translation>
    </message>
    <message>
        <source>Walk-in… (F9)</source>
        <translation>Khách không phiếu… (F9)</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dịch vụ</translation>
    </message>
    <message>
        <source>Parked at this counter</source>
        <translation>Đang tạm dừng tại quầy</translation>
    </message>
    <message>
        <source>Issue a ticket</source>
        <translation>Cấp số</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>&amp;Cấp số</translation>
    </message>
    <message>
        <source>Ticket number, e.g. A012</source>
        <translation>Số phiếu, ví dụ A012</translation>
    </message>
    <message>
        <source>&amp;Reprint</source>
        <translation>&amp;In lại</translation>
    </message>
    <message>
        <source>No ticket at this counter. Press F2 to call the next citizen.</source>
        <translation>Quầy chưa phục vụ số nào. Nhấn F2 để gọi người tiếp theo.</translation>
    </message>
    <message>
        <source>called, waiting for the citizen</source>
        <translation>đã gọi, đang chờ công dân đến</translation>
    </message>
    <message>
        <source>being served</source>
        <translation>đang phục vụ</translation>
    </message>
    <message>
        <source>priority: {name}</source>
        <translation>ưu tiên: {name}</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Không có phiếu</translation>
    </message>
    <message>
        <source>Dossiers: {codes}</source>
        <translation>Hồ sơ: {codes}</translation>
    </message>
    <message>
        <source>Nobody is waiting for this counter&apos;s services.</source>
        <translation>Không có ai đang chờ các dịch vụ của quầy này.</translation>
    </message>
    <message>
        <source>Transfer the ticket</source>
        <translation>Chuyển số</translation>
    </message>
    <message>
        <source>Serve a citizen without a ticket</source>
        <translation>Phục vụ công dân không có phiếu</translation>
    </message>
    <message>
        <source>Ticket {number} issued.</source>
        <translation>Đã cấp số {number}.</translation>
    </message>
    <message>
        <source>Ticket {number} is issued but not printed: {why}</source>
        <translation>Đã cấp số {number} nhưng chưa in được: {why}</translation>
    </message>
    <message>
        <source>Ticket {number} printed again.</source>
        <translation>Đã in lại số {number}.</translation>
    </message>
    <message>
        <source>Dossier {code} is linked to ticket {number}.</source>
        <translation>Hồ sơ {code} đã gắn với số {number}.</translation>
    </message>
    <message>
        <source>walk-in</source>
        <translation>không có phiếu</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Register of dossiers</source>
        <translation>Sổ theo dõi hồ sơ</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Từ ngày:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>Đế&amp;n ngày:</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Lưu PDF…</translation>
    </message>
    <message>
        <source>Dossiers received in the period, one line each.</source>
        <translation>Các hồ sơ tiếp nhận trong khoảng thời gian này, mỗi hồ sơ một dòng.</translation>
    </message>
    <message>
        <source>Preparing the register…</source>
        <translation>Đang chuẩn bị sổ…</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Check and confirm</source>
        <translation>Kiểm tra và xác nhận</translation>
    </message>
    <message>
        <source>Read the summary to the citizen. Ctrl+Enter receives the dossier; Alt+← goes back to correct it.</source>
        <translation>Đọc lại thông tin cho công dân. Ctrl+Enter để tiếp nhận hồ sơ; Alt+← để quay lại sửa.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <source>Procedure:</source>
        <translation>Thủ tục:</translation>
    </message>
    <message>
        <source>Applicant:</source>
        <translation>Người nộp:</translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation>Số định danh:</translation>
    </message>
    <message>
        <source>Birth date:</source>
        <translation>Ngày sinh:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Địa chỉ:</translation>
    </message>
    <message>
        <source>Phone / e-mail:</source>
        <translation>Điện thoại / thư điện tử:</translation>
    </message>
    <message>
        <source>Channel / sets:</source>
        <translation>Kênh nộp / số bộ:</translation>
    </message>
    <message>
        <source>{channel}, {sets} set(s)</source>
        <translation>{channel}, {sets} bộ</translation>
    </message>
    <message>
        <source>Papers received:</source>
        <translation>Giấy tờ đã nhận:</translation>
    </message>
    <message>
        <source>Papers missing:</source>
        <translation>Giấy tờ còn thiếu:</translation>
    </message>
    <message>
        <source>The dossier will be refused and {form} issued. Reason: {reason}</source>
        <translation>Hồ sơ sẽ bị từ chối tiếp nhận và cấp {form}. Lý do: {reason}</translation>
    </message>
    <message>
        <source>The dossier is incomplete: {form} will list the missing papers. No appointment date yet.</source>
        <translation>Hồ sơ chưa đầy đủ: {form} sẽ liệt kê các giấy tờ cần bổ sung. Chưa có ngày hẹn trả.</translation>
    </message>
    <message>
        <source>The dossier is complete: {form} will be issued.</source>
        <translation>Hồ sơ đầy đủ: sẽ cấp {form}.</translation>
    </message>
    <message>
        <source>Working out the appointment date…</source>
        <translation>Đang tính ngày hẹn trả kết quả…</translation>
    </message>
    <message>
        <source>Appointment to return the result: {due}</source>
        <translation>Hẹn trả kết quả: {due}</translation>
    </message>
</context>
<context>
    <name>SignatureView</name>
    <message>
        <source>Signatures of {file}</source>
        <translation>Chữ ký số của {file}</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Signed at (signer&apos;s computer)</source>
        <translation>Thời điểm ký (theo máy người ký)</translation>
    </message>
    <message>
        <source>Trusted time</source>
        <translation>Thời gian được chứng thực</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Toàn vẹn</translation>
    </message>
    <message>
        <source>Certificate chain</source>
        <translation>Chuỗi chứng thư</translation>
    </message>
    <message>
        <source>Revocation</source>
        <translation>Thu hồi</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Mức</translation>
    </message>
    <message>
        <source>Signature {n}</source>
        <translation>Chữ ký {n}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Add timestamp now</source>
        <translation>Thêm dấu thời gian ngay</translation>
    </message>
    <message>
        <source>This PDF has no digital signature.</source>
        <translation>Tệp PDF này không có chữ ký số.</translation>
    </message>
    <message>
        <source>{bad} of {count} signature(s) are NOT valid: see below.</source>
        <translation>{bad}/{count} chữ ký KHÔNG hợp lệ: xem bên dưới.</translation>
    </message>
    <message>
        <source>All {count} signature(s) are valid.</source>
        <translation>Cả {count} chữ ký đều hợp lệ.</translation>
    </message>
    <message>
        <source>not revoked (checked)</source>
        <translation>chưa bị thu hồi (đã kiểm tra)</translation>
    </message>
    <message>
        <source>REVOKED</source>
        <translation>ĐÃ BỊ THU HỒI</translation>
    </message>
    <message>
        <source>not checked (offline)</source>
        <translation>chưa kiểm tra (ngoại tuyến)</translation>
    </message>
    <message>
        <source>trusted, up to {root}</source>
        <translation>tin cậy, đến {root}</translation>
    </message>
    <message>
        <source>NOT trusted (not issued by a configured root CA)</source>
        <translation>KHÔNG tin cậy (không do CA gốc đã cấu hình cấp)</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Hợp lệ</translation>
    </message>
    <message>
        <source>NOT valid</source>
        <translation>KHÔNG hợp lệ</translation>
    </message>
    <message>
        <source>not proven (no timestamp yet)</source>
        <translation>chưa được chứng thực (chưa có dấu thời gian)</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>toàn vẹn</translation>
    </message>
    <message>
        <source>CHANGED after signing</source>
        <translation>ĐÃ BỊ SỬA sau khi ký</translation>
    </message>
    <message>
        <source>waiting for the network</source>
        <translation>đang chờ có mạng</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>đã hoàn tất</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>thất bại</translation>
    </message>
    <message>
        <source>Completion (timestamp and revocation data): {state}, now {level}, target {target}.</source>
        <translation>Bổ sung dấu thời gian và dữ liệu thu hồi: {state}, hiện ở mức {level}, mục tiêu {target}.</translation>
    </message>
    <message>
        <source>Last problem: {error}</source>
        <translation>Lỗi gần nhất: {error}</translation>
    </message>
</context>
<context>
    <name>SigningActions</name>
    <message>
        <source>Signed {done} document(s); the timestamp is added when the network is back.</source>
        <translation>Đã ký {done} văn bản; dấu thời gian sẽ được bổ sung khi có mạng.</translation>
    </message>
    <message>
        <source>Signed {done} of {total} document(s); sign the others again after fixing the problem.</source>
        <translation>Đã ký {done}/{total} văn bản; hãy ký lại các văn bản còn lại sau khi khắc phục sự cố.</translation>
    </message>
</context>
<context>
    <name>SigningProgress</name>
    <message>
        <source>Signing</source>
        <translation>Đang ký số</translation>
    </message>
    <message>
        <source>Signing {done} of {total}…</source>
        <translation>Đang ký {done}/{total}…</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Registered</source>
        <translation>Mới đăng ký</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Được tiếp nhận</translation>
    </message>
    <message>
        <source>Not received</source>
        <translation>Không được tiếp nhận</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <source>Supplement requested</source>
        <translation>Yêu cầu bổ sung giấy tờ</translation>
    </message>
    <message>
        <source>Financial obligation requested</source>
        <translation>Yêu cầu thực hiện nghĩa vụ tài chính</translation>
    </message>
    <message>
        <source>Withdrawn by the citizen</source>
        <translation>Công dân yêu cầu rút hồ sơ</translation>
    </message>
    <message>
        <source>Processing stopped</source>
        <translation>Dừng xử lý</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>Đã xử lý xong</translation>
    </message>
    <message>
        <source>Result returned</source>
        <translation>Đã trả kết quả</translation>
    </message>
</context>
<context>
    <name>SyncBadge</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>Chờ gửi</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Đang gửi</translation>
    </message>
    <message>
        <source>Sent to the province</source>
        <translation>Đã gửi lên tỉnh</translation>
    </message>
    <message>
        <source>Refused by the province</source>
        <translation>Bị tỉnh từ chối</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sync with the provincial system</source>
        <translation>Đồng bộ với hệ thống của tỉnh</translation>
    </message>
    <message>
        <source>Waiting to be sent:</source>
        <translation>Đang chờ gửi:</translation>
    </message>
    <message>
        <source>Files left to send:</source>
        <translation>Tệp còn phải gửi:</translation>
    </message>
    <message>
        <source>Last successful sync:</source>
        <translation>Lần đồng bộ thành công gần nhất:</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>This counter is not connected to the provincial system yet.</source>
        <translation>Quầy này chưa được kết nối với hệ thống của tỉnh.</translation>
    </message>
    <message>
        <source>{n} change(s)</source>
        <translation>{n} thay đổi</translation>
    </message>
    <message>
        <source>{n} refused by the province</source>
        <translation>{n} bị tỉnh từ chối</translation>
    </message>
    <message>
        <source>never</source>
        <translation>chưa lần nào</translation>
    </message>
</context>
</TS>
