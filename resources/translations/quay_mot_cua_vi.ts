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
    <message>
        <source>Corrected</source>
        <translation>Đính chính</translation>
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
        <source>Data folder</source>
        <translation>Thư mục dữ liệu</translation>
    </message>
    <message>
        <source>Encryption of stored data</source>
        <translation>Mã hóa dữ liệu lưu trữ</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Nhật ký kiểm tra</translation>
    </message>
    <message>
        <source>Stored files</source>
        <translation>Tệp đã lưu</translation>
    </message>
    <message>
        <source>Procedure catalogue</source>
        <translation>Danh mục thủ tục</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Thiết lập</translation>
    </message>
    <message>
        <source>Sending to the province</source>
        <translation>Gửi dữ liệu lên tỉnh</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <source>Text recognition of scans</source>
        <translation>Nhận dạng chữ trên bản quét</translation>
    </message>
    <message>
        <source>key of the data folder</source>
        <translation>khóa của thư mục dữ liệu</translation>
    </message>
    <message>
        <source>data on this computer</source>
        <translation>dữ liệu trên máy này</translation>
    </message>
    <message>
        <source>version</source>
        <translation>phiên bản</translation>
    </message>
    <message>
        <source>integrity</source>
        <translation>tính toàn vẹn</translation>
    </message>
    <message>
        <source>dossier history</source>
        <translation>lịch sử hồ sơ</translation>
    </message>
    <message>
        <source>account changes</source>
        <translation>thay đổi tài khoản</translation>
    </message>
    <message>
        <source>who viewed which dossier</source>
        <translation>ai đã xem hồ sơ nào</translation>
    </message>
    <message>
        <source>scans and forms</source>
        <translation>bản quét và biểu mẫu</translation>
    </message>
    <message>
        <source>procedures</source>
        <translation>thủ tục</translation>
    </message>
    <message>
        <source>agency code</source>
        <translation>mã cơ quan</translation>
    </message>
    <message>
        <source>provincial server</source>
        <translation>máy chủ của tỉnh</translation>
    </message>
    <message>
        <source>in order</source>
        <translation>ổn</translation>
    </message>
    <message>
        <source>needs fixing: see the details</source>
        <translation>cần xử lý: xem chi tiết</translation>
    </message>
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
    <name>BackupSettingsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>&amp;Automatic backups</source>
        <translation>&amp;Bật sao lưu tự động</translation>
    </message>
    <message>
        <source>A folder on a second disk or a USB drive</source>
        <translation>Một thư mục trên ổ đĩa thứ hai hoặc ổ USB</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <source>Backup &amp;folder:</source>
        <translation>&amp;Thư mục sao lưu:</translation>
    </message>
    <message>
        <source>Every N &amp;hours:</source>
        <translation>Cứ mỗi N &amp;giờ:</translation>
    </message>
    <message>
        <source>&amp;Keep the newest:</source>
        <translation>Giữ lại số bản &amp;mới nhất:</translation>
    </message>
    <message>
        <source>S&amp;top the backup</source>
        <translation>&amp;Dừng sao lưu</translation>
    </message>
    <message>
        <source>Stop it cleanly: nothing of this backup is kept, earlier backups stay as they are</source>
        <translation>Dừng gọn gàng: không giữ lại phần nào của lần sao lưu này, các bản sao lưu trước vẫn nguyên vẹn</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Huỷ</translation>
    </message>
    <message>
        <source>Back up &amp;now</source>
        <translation>Sao lưu &amp;ngay</translation>
    </message>
    <message>
        <source>The app backs up the dossiers and their files while it works. A backup that is due while the computer is off runs when the app starts.</source>
        <translation>Ứng dụng sao lưu hồ sơ và tệp đính kèm ngay trong khi làm việc. Lần sao lưu đến hạn lúc máy tắt sẽ chạy khi ứng dụng khởi động.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Thư mục sao lưu</translation>
    </message>
    <message>
        <source>Last backup: {time}</source>
        <translation>Lần sao lưu gần nhất: {time}</translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation>Chưa có bản sao lưu nào.</translation>
    </message>
    <message>
        <source>The last attempt failed.</source>
        <translation>Lần thử gần nhất không thành công.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <source>Backup saved in {path}.</source>
        <translation>Đã lưu bản sao lưu vào {path}.</translation>
    </message>
    <message>
        <source>Backup stopped. Nothing of it was kept; the earlier backups are as they were.</source>
        <translation>Đã dừng sao lưu. Không giữ lại phần nào của lần này; các bản sao lưu trước vẫn nguyên vẹn.</translation>
    </message>
    <message>
        <source>Copying the database…</source>
        <translation>Đang chép cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>Files: %v of %m</source>
        <translation>Tệp: %v/%m</translation>
    </message>
    <message>
        <source>Stopping the backup…</source>
        <translation>Đang dừng sao lưu…</translation>
    </message>
</context>
<context>
    <name>BackupTimer</name>
    <message>
        <source>Backup saved at {time}.</source>
        <translation>Đã sao lưu lúc {time}.</translation>
    </message>
    <message>
        <source>Backup to {destination} failed: {reason} The app retries in {minutes} min.</source>
        <translation>Sao lưu vào {destination} không thành công: {reason} Ứng dụng sẽ thử lại sau {minutes} phút.</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Document camera</source>
        <translation>Máy ảnh tài liệu</translation>
    </message>
    <message>
        <source>Lay the page flat under the camera. It is taken by itself once it lies still, or press Space.</source>
        <translation>Đặt trang giấy phẳng dưới máy ảnh. Trang sẽ được chụp tự động khi nằm yên, hoặc nhấn phím Space.</translation>
    </message>
    <message>
        <source>Captured pages</source>
        <translation>Các trang đã chụp</translation>
    </message>
    <message>
        <source>&amp;Capture now (Space)</source>
        <translation>&amp;Chụp ngay (Space)</translation>
    </message>
    <message>
        <source>&amp;Auto-capture (A)</source>
        <translation>&amp;Tự động chụp (A)</translation>
    </message>
    <message>
        <source>&amp;Rotate (R)</source>
        <translation>&amp;Xoay (R)</translation>
    </message>
    <message>
        <source>&amp;Edit corners (E)</source>
        <translation>Sửa &amp;góc (E)</translation>
    </message>
    <message>
        <source>De&amp;lete (Del)</source>
        <translation>&amp;Loại bỏ trang (Del)</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>A&amp;pply corners (Enter)</source>
        <translation>Á&amp;p dụng góc (Enter)</translation>
    </message>
    <message>
        <source>&amp;Back (Esc)</source>
        <translation>&amp;Quay lại (Esc)</translation>
    </message>
    <message>
        <source>Drag the round handles onto the page&apos;s corners. Keyboard: 1–4 pick a corner, arrows move it, Shift+arrows move it finely.</source>
        <translation>Kéo các nút tròn vào đúng góc trang. Bàn phím: phím 1–4 chọn góc, phím mũi tên di chuyển góc, Shift+mũi tên di chuyển từng chút.</translation>
    </message>
    <message>
        <source>Pages: {count}</source>
        <translation>Số trang: {count}</translation>
    </message>
    <message>
        <source>No page in view.</source>
        <translation>Chưa thấy trang giấy nào.</translation>
    </message>
    <message>
        <source>Page found: hold it still…</source>
        <translation>Đã thấy trang: giữ yên trang giấy…</translation>
    </message>
    <message>
        <source>Page is still.</source>
        <translation>Trang đã nằm yên.</translation>
    </message>
    <message>
        <source>Page {number}</source>
        <translation>Trang {number}</translation>
    </message>
    <message>
        <source>Page {number} captured.</source>
        <translation>Đã chụp trang {number}.</translation>
    </message>
    <message>
        <source>Correct the page&apos;s outline, then apply.</source>
        <translation>Chỉnh lại đường viền trang rồi bấm áp dụng.</translation>
    </message>
</context>
<context>
    <name>CameraQrDialog</name>
    <message>
        <source>Read the ID card&apos;s QR code</source>
        <translation>Đọc mã QR trên thẻ căn cước</translation>
    </message>
    <message>
        <source>Hold the QR code of the ID card (front, top right) under the camera.</source>
        <translation>Đưa mã QR của thẻ căn cước (mặt trước, góc trên bên phải) vào dưới máy ảnh.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>ID card read: {name}</source>
        <translation>Đã đọc thẻ căn cước: {name}</translation>
    </message>
</context>
<context>
    <name>CameraSession</name>
    <message>
        <source>Opening the camera…</source>
        <translation>Đang mở máy ảnh…</translation>
    </message>
    <message>
        <source>Waiting for the first picture…</source>
        <translation>Đang chờ hình đầu tiên…</translation>
    </message>
    <message>
        <source>No picture from the camera.</source>
        <translation>Không có hình từ máy ảnh.</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>Camera preview</source>
        <translation>Hình xem trước từ máy ảnh</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>Import the &amp;sample catalogue</source>
        <translation>Nhập danh mục &amp;mẫu</translation>
    </message>
    <message>
        <source>Import a catalogue &amp;file…</source>
        <translation>Nhập từ &amp;tệp danh mục…</translation>
    </message>
    <message>
        <source>The procedures a citizen can ask for at this counter, with their papers and time limits. Import the file the province sent (national catalogue JSON or the XLSX sheet), or the sample catalogue of commune procedures that comes with the app.</source>
        <translation>Các thủ tục công dân có thể nộp tại quầy này, kèm thành phần hồ sơ và thời hạn giải quyết. Hãy nhập tệp do tỉnh gửi (danh mục quốc gia dạng JSON hoặc bảng XLSX), hoặc danh mục mẫu gồm các thủ tục cấp xã đi kèm ứng dụng.</translation>
    </message>
    <message numerus="yes">
        <source>%n procedure(s) in the catalogue.</source>
        <translation>
            <numerusform>Danh mục có %n thủ tục.</numerusform>
        </translation>
    </message>
    <message>
        <source>The catalogue is empty.</source>
        <translation>Danh mục thủ tục đang trống.</translation>
    </message>
    <message>
        <source>Import a procedure catalogue</source>
        <translation>Nhập danh mục thủ tục</translation>
    </message>
    <message>
        <source>Catalogue files (*.json *.xlsx)</source>
        <translation>Tệp danh mục (*.json *.xlsx)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
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
    <name>ChipDialog</name>
    <message>
        <source>Read the ID card chip</source>
        <translation>Đọc chip thẻ căn cước</translation>
    </message>
    <message>
        <source>Put the ID card on the reader. Check the three details below against the card, then press Enter.</source>
        <translation>Đặt thẻ căn cước lên đầu đọc. Đối chiếu ba thông tin dưới đây với thẻ, rồi nhấn Enter.</translation>
    </message>
    <message>
        <source>12-digit ID number</source>
        <translation>Số định danh 12 chữ số</translation>
    </message>
    <message>
        <source>dd/mm/yyyy or YYMMDD</source>
        <translation>dd/mm/yyyy hoặc YYMMDD</translation>
    </message>
    <message>
        <source>dd/mm/yyyy or YYMMDD (&quot;Có giá trị đến&quot;)</source>
        <translation>dd/mm/yyyy hoặc YYMMDD (&quot;Có giá trị đến&quot;)</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>&amp;Số định danh:</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>&amp;Ngày sinh:</translation>
    </message>
    <message>
        <source>E&amp;xpiry date:</source>
        <translation>Có giá trị đến (&amp;hết hạn):</translation>
    </message>
    <message>
        <source>Face photo from the chip</source>
        <translation>Ảnh chân dung trong chip</translation>
    </message>
    <message>
        <source>&amp;Read chip</source>
        <translation>Đọc &amp;chip</translation>
    </message>
    <message>
        <source>&amp;Use these details</source>
        <translation>&amp;Dùng thông tin này</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Filled in from the QR code. The expiry date is worked out from the birth and issue dates: check it on the card.</source>
        <translation>Đã điền từ mã QR. Ngày hết hạn được tính từ ngày sinh và ngày cấp: hãy đối chiếu trên thẻ.</translation>
    </message>
    <message>
        <source>Reading the chip… keep the card still on the reader.</source>
        <translation>Đang đọc chip… giữ yên thẻ trên đầu đọc.</translation>
    </message>
    <message>
        <source>Type the 12-digit ID number printed on the card.</source>
        <translation>Nhập số định danh 12 chữ số in trên thẻ.</translation>
    </message>
    <message>
        <source>Type the birth date as on the card, for example 01/01/1990.</source>
        <translation>Nhập ngày sinh như trên thẻ, ví dụ 01/01/1990.</translation>
    </message>
    <message>
        <source>Type the expiry date (&quot;Có giá trị đến&quot;) as on the card, for example 01/01/2040.</source>
        <translation>Nhập ngày hết hạn (&quot;Có giá trị đến&quot;) như trên thẻ, ví dụ 01/01/2040.</translation>
    </message>
    <message>
        <source>The issuing authority&apos;s certificate was checked too.</source>
        <translation>Chứng thư của cơ quan cấp thẻ cũng đã được kiểm tra.</translation>
    </message>
    <message>
        <source>The issuing authority&apos;s certificate was not checked (no CSCA certificate is configured).</source>
        <translation>Chưa kiểm tra chứng thư của cơ quan cấp thẻ (chưa cài đặt chứng thư CSCA).</translation>
    </message>
    <message>
        <source>Authentic: the data read matches the chip&apos;s signature.</source>
        <translation>Xác thực: dữ liệu đọc được khớp với chữ ký số của chip.</translation>
    </message>
    <message>
        <source>Not authentic: the chip&apos;s data does not match its signature. Do not use it; type the details from the card.</source>
        <translation>Không xác thực được: dữ liệu trong chip không khớp với chữ ký số. Không dùng dữ liệu này; hãy nhập thông tin từ thẻ.</translation>
    </message>
    <message>
        <source>(photo cannot be shown)</source>
        <translation>(không hiển thị được ảnh)</translation>
    </message>
    <message>
        <source>(no photo)</source>
        <translation>(không có ảnh)</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Religion</source>
        <translation>Tôn giáo</translation>
    </message>
    <message>
        <source>Home town</source>
        <translation>Quê quán</translation>
    </message>
    <message>
        <source>Residence</source>
        <translation>Nơi thường trú</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>Họ tên cha</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>Họ tên mẹ</translation>
    </message>
    <message>
        <source>Old ID number</source>
        <translation>Số CMND cũ</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Ngày cấp</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Có giá trị đến</translation>
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
    <name>CornerEditor</name>
    <message>
        <source>Page corners</source>
        <translation>Các góc trang</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct dossier {code}</source>
        <translation>Đính chính hồ sơ {code}</translation>
    </message>
    <message>
        <source>Correct only what was typed or ticked by mistake. The values before and after and the reason are kept in the dossier&apos;s history.</source>
        <translation>Chỉ sửa những gì đã nhập hoặc đánh dấu nhầm. Giá trị trước, sau khi sửa và lý do được lưu trong quá trình xử lý hồ sơ.</translation>
    </message>
    <message>
        <source>What was wrong, e.g. the name was mistyped</source>
        <translation>Sai ở đâu, ví dụ: gõ sai họ tên</translation>
    </message>
    <message>
        <source>&amp;Reason for the correction: *</source>
        <translation>&amp;Lý do đính chính: *</translation>
    </message>
    <message>
        <source>Save the correction (Ctrl+Enter)</source>
        <translation>Lưu đính chính (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Hủy (Esc)</translation>
    </message>
    <message>
        <source>Papers handed in</source>
        <translation>Giấy tờ đã nộp</translation>
    </message>
    <message>
        <source>Papers: the dossier has left the counter, so its papers can no longer be corrected here.</source>
        <translation>Giấy tờ: hồ sơ đã chuyển khỏi bộ phận một cửa nên không thể sửa giấy tờ tại đây nữa.</translation>
    </message>
    <message>
        <source>What to bring / why it is needed</source>
        <translation>Cần mang gì / vì sao cần</translation>
    </message>
    <message>
        <source>With these papers the dossier is COMPLETE: it becomes received, the appointment date is counted from its reception; print form 01 for the citizen.</source>
        <translation>Với các giấy tờ này, hồ sơ ĐÃ ĐẦY ĐỦ: hồ sơ chuyển sang được tiếp nhận, ngày hẹn trả tính từ lúc tiếp nhận; hãy in Mẫu 01 cho công dân.</translation>
    </message>
    <message>
        <source>With these papers the dossier is INCOMPLETE: it becomes &apos;supplement requested&apos;, the appointment date is removed; print form 02 for the citizen.</source>
        <translation>Với các giấy tờ này, hồ sơ CHƯA ĐẦY ĐỦ: hồ sơ chuyển sang yêu cầu bổ sung, bỏ ngày hẹn trả; hãy in Mẫu 02 cho công dân.</translation>
    </message>
    <message>
        <source>Nothing has been changed yet: correct a field or a paper first.</source>
        <translation>Chưa có gì thay đổi: hãy sửa một ô thông tin hoặc một giấy tờ trước.</translation>
    </message>
    <message>
        <source>Write the reason for the correction: it is kept in the dossier&apos;s history.</source>
        <translation>Hãy ghi lý do đính chính: lý do được lưu trong quá trình xử lý hồ sơ.</translation>
    </message>
</context>
<context>
    <name>CounterSection</name>
    <message>
        <source>Counter &amp;name:</source>
        <translation>Tê&amp;n quầy:</translation>
    </message>
    <message>
        <source>e.g. Quầy 1</source>
        <translation>ví dụ: Quầy 1</translation>
    </message>
    <message>
        <source>Counter &amp;number (1–9):</source>
        <translation>Số &amp;máy (1–9):</translation>
    </message>
    <message>
        <source>&amp;Officer:</source>
        <translation>&amp;Cán bộ:</translation>
    </message>
    <message>
        <source>Officer&apos;s &amp;telephone:</source>
        <translation>Điện th&amp;oại cán bộ:</translation>
    </message>
    <message>
        <source>Each counter computer of the office has its own number: it keeps the dossier codes of two counters apart.</source>
        <translation>Mỗi máy tính quầy của cơ quan có một số riêng: nhờ đó mã hồ sơ của hai quầy không bao giờ trùng nhau.</translation>
    </message>
</context>
<context>
    <name>Device</name>
    <message>
        <source>Simulated feeder scanner (training)</source>
        <translation>Máy quét nạp giấy mô phỏng (tập huấn)</translation>
    </message>
    <message>
        <source>Simulated document camera (training)</source>
        <translation>Camera tài liệu mô phỏng (tập huấn)</translation>
    </message>
    <message>
        <source>Simulated ID chip reader (training)</source>
        <translation>Đầu đọc chip CCCD mô phỏng (tập huấn)</translation>
    </message>
    <message>
        <source>Document camera</source>
        <translation>Camera tài liệu</translation>
    </message>
    <message>
        <source>Network scanner</source>
        <translation>Máy quét qua mạng</translation>
    </message>
    <message>
        <source>Import PDF/JPEG/PNG/TIFF files</source>
        <translation>Nhập tệp PDF/JPEG/PNG/TIFF</translation>
    </message>
    <message>
        <source>Watched folder</source>
        <translation>Thư mục theo dõi</translation>
    </message>
</context>
<context>
    <name>DeviceTests</name>
    <message>
        <source>Testing…</source>
        <translation>Đang thử…</translation>
    </message>
    <message>
        <source>A test slip was printed: check that its Vietnamese letters are clear.</source>
        <translation>Đã in phiếu thử: hãy xem chữ tiếng Việt trên phiếu có rõ không.</translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>Đã lưu thành {path}.</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Sẵn sàng.</translation>
    </message>
    <message>
        <source>Out of paper.</source>
        <translation>Hết giấy.</translation>
    </message>
    <message>
        <source>The cover is open.</source>
        <translation>Nắp máy đang mở.</translation>
    </message>
    <message>
        <source>Not responding: check its power and cable.</source>
        <translation>Không phản hồi: hãy kiểm tra nguồn điện và dây cáp.</translation>
    </message>
    <message>
        <source>Not ready.</source>
        <translation>Chưa sẵn sàng.</translation>
    </message>
    <message numerus="yes">
        <source>%n scanner(s) found.</source>
        <translation>
            <numerusform>Tìm thấy %n máy quét.</numerusform>
        </translation>
    </message>
    <message>
        <source>No scanner found: check that it is switched on and connected, then search again.</source>
        <translation>Không tìm thấy máy quét: hãy kiểm tra máy đã bật và đã cắm dây, rồi dò tìm lại.</translation>
    </message>
    <message>
        <source>The scanner gave no page: put a paper on the glass or in the feeder.</source>
        <translation>Máy quét không cho trang nào: hãy đặt giấy lên mặt kính hoặc vào khay nạp.</translation>
    </message>
    <message>
        <source>The scanner gave a page ({dpi} dpi).</source>
        <translation>Máy quét đã cho một trang ({dpi} dpi).</translation>
    </message>
    <message>
        <source>The camera gives a picture of {width}×{height}.</source>
        <translation>Camera cho hình {width}×{height}.</translation>
    </message>
    <message>
        <source>The library loads, but no token is plugged in: insert the signing token.</source>
        <translation>Thư viện đã nạp được nhưng chưa cắm thiết bị ký số: hãy cắm thiết bị ký số vào máy.</translation>
    </message>
    <message>
        <source>Token(s) found, with their signing certificates: {tokens}.</source>
        <translation>Đã thấy thiết bị ký số (kèm số chứng thư ký): {tokens}.</translation>
    </message>
    <message>
        <source>No card reader found: plug it in and try again.</source>
        <translation>Không tìm thấy đầu đọc thẻ: hãy cắm đầu đọc rồi thử lại.</translation>
    </message>
    <message>
        <source>Card reader found: {name}.</source>
        <translation>Đã tìm thấy đầu đọc thẻ: {name}.</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <source>text recognition program</source>
        <translation>chương trình nhận dạng chữ</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>State and last problem</source>
        <translation>Tình trạng và lỗi gần nhất</translation>
    </message>
    <message>
        <source>Ticket printer</source>
        <translation>Máy in phiếu</translation>
    </message>
    <message>
        <source>&amp;Print a test slip</source>
        <translation>In &amp;phiếu thử</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Máy quét</translation>
    </message>
    <message>
        <source>found on this computer and the network</source>
        <translation>tìm trên máy tính này và trong mạng</translation>
    </message>
    <message>
        <source>&amp;Search for scanners</source>
        <translation>&amp;Dò tìm máy quét</translation>
    </message>
    <message>
        <source>ID card chip reader</source>
        <translation>Đầu đọc chip CCCD</translation>
    </message>
    <message>
        <source>Test the &amp;reader</source>
        <translation>&amp;Kiểm tra đầu đọc</translation>
    </message>
    <message>
        <source>Document camera</source>
        <translation>Camera tài liệu</translation>
    </message>
    <message>
        <source>Test the ca&amp;mera</source>
        <translation>&amp;Xem thử camera</translation>
    </message>
    <message>
        <source>Not tested yet.</source>
        <translation>Chưa thử.</translation>
    </message>
    <message>
        <source>none: a scanner that types like a keyboard needs nothing</source>
        <translation>không có: máy đọc gõ như bàn phím không cần cài</translation>
    </message>
    <message>
        <source>QR code scanner</source>
        <translation>Máy đọc mã QR</translation>
    </message>
    <message>
        <source>&amp;Check the system</source>
        <translation>Kiểm tra &amp;hệ thống</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Đó&amp;ng</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <source>Everything is in order.</source>
        <translation>Mọi thứ đều ổn.</translation>
    </message>
    <message>
        <source>Some things need fixing (marked ✘): fix them in the settings, or ask IT support.</source>
        <translation>Có mục cần sửa (đánh dấu ✘): hãy sửa trong phần cài đặt, hoặc nhờ cán bộ công nghệ thông tin.</translation>
    </message>
</context>
<context>
    <name>DevicesSection</name>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Dò tìm</translation>
    </message>
    <message>
        <source>S&amp;canner:</source>
        <translation>Máy &amp;quét:</translation>
    </message>
    <message>
        <source>Sc&amp;an a test page</source>
        <translation>Q&amp;uét thử một trang</translation>
    </message>
    <message>
        <source>Test the &amp;reader</source>
        <translation>&amp;Kiểm tra đầu đọc</translation>
    </message>
    <message>
        <source>ID card c&amp;hip reader:</source>
        <translation>Đầu đọc &amp;chip CCCD:</translation>
    </message>
    <message>
        <source>Test the ca&amp;mera</source>
        <translation>&amp;Xem thử camera</translation>
    </message>
    <message>
        <source>Docum&amp;ent camera:</source>
        <translation>Cam&amp;era tài liệu:</translation>
    </message>
    <message>
        <source>&amp;QR code scanner port:</source>
        <translation>Cổng máy đọc mã Q&amp;R:</translation>
    </message>
    <message>
        <source>empty: a scanner that types like a keyboard needs nothing</source>
        <translation>để trống: máy đọc gõ như bàn phím không cần cài</translation>
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
    <name>Document</name>
    <message>
        <source>Scanned papers</source>
        <translation>Bản quét giấy tờ</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Văn bản khác</translation>
    </message>
    <message>
        <source>{name} (digitally signed)</source>
        <translation>{name} (đã ký số)</translation>
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
        <source>Pre&amp;view</source>
        <translation>Xem t&amp;rước</translation>
    </message>
    <message>
        <source>See the pages as they will print, then print them</source>
        <translation>Xem các trang như khi in ra, rồi in</translation>
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
        <translation>Đơn &amp;vị nhận hồ sơ để xử lý:</translation>
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
        <source>Back to the list</source>
        <translation>Quay lại danh sách</translation>
    </message>
    <message>
        <source>Reload the dossier</source>
        <translation>Tải lại hồ sơ</translation>
    </message>
    <message>
        <source>Correct the dossier</source>
        <translation>Đính chính hồ sơ</translation>
    </message>
    <message>
        <source>← Back to the list (Esc)</source>
        <translation>← Về danh sách (Esc)</translation>
    </message>
    <message>
        <source>Correct… (Ctrl+E)</source>
        <translation>Đính chính… (Ctrl+E)</translation>
    </message>
    <message>
        <source>Correct a name, a number or a paper entered by mistake</source>
        <translation>Sửa họ tên, số giấy tờ hoặc giấy tờ đã nhập nhầm</translation>
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
        <source>Signature</source>
        <translation>Chữ ký số</translation>
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
        <source>Pre&amp;view</source>
        <translation>Xem t&amp;rước</translation>
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
        <source>Sign all &amp;unsigned…</source>
        <translation>Ký &amp;nốt các văn bản chưa ký…</translation>
    </message>
    <message>
        <source>Sign every document of this dossier that is not signed yet, with one PIN entry</source>
        <translation>Ký mọi văn bản chưa ký của hồ sơ này, chỉ nhập mã PIN một lần</translation>
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
        <source>For the office leader: {steps}.</source>
        <translation>Bước dành cho lãnh đạo cơ quan: {steps}.</translation>
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
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>{field}: {before} → {after}</source>
        <translation>{field}: {before} → {after}</translation>
    </message>
    <message>
        <source>received</source>
        <translation>đã nhận</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>còn thiếu</translation>
    </message>
    <message>
        <source>reason changed</source>
        <translation>sửa lý do</translation>
    </message>
    <message>
        <source>{paper}: {state}</source>
        <translation>{paper}: {state}</translation>
    </message>
    <message>
        <source>Correction saved. Print {form} again for the citizen.</source>
        <translation>Đã lưu đính chính. Hãy in lại {form} cho công dân.</translation>
    </message>
    <message>
        <source>Correction saved.</source>
        <translation>Đã lưu đính chính.</translation>
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
        <source>Province</source>
        <translation>Gửi tỉnh</translation>
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
        <source>The data is encrypted and no key was given. Enter the workspace passphrase, or log in to the Windows/Linux account that holds the key, then open the app again.</source>
        <translation>Dữ liệu đã được mã hoá nhưng chưa có khoá. Hãy nhập mật khẩu của vùng dữ liệu, hoặc đăng nhập vào tài khoản Windows/Linux đang giữ khoá, rồi mở lại ứng dụng.</translation>
    </message>
    <message>
        <source>The passphrase is wrong: the encrypted data was not opened and nothing was changed. Check the passphrase (capital letters, keyboard language) and try again.</source>
        <translation>Mật khẩu không đúng: dữ liệu mã hoá chưa được mở và không có gì bị thay đổi. Hãy kiểm tra mật khẩu (chữ hoa, kiểu gõ bàn phím) rồi thử lại.</translation>
    </message>
    <message>
        <source>The system key store cannot be reached, so the encrypted data cannot be opened. Log in to the computer&apos;s account normally (not remotely), then try again, or call IT support.</source>
        <translation>Không truy cập được kho khoá của hệ thống nên chưa mở được dữ liệu mã hoá. Hãy đăng nhập tài khoản máy tính theo cách thông thường (không đăng nhập từ xa) rồi thử lại, hoặc gọi bộ phận hỗ trợ kỹ thuật.</translation>
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
        <source>The remote signing service cannot be reached. Nothing was signed or lost; sign again when the network is back, or sign with a USB token.</source>
        <translation>Không kết nối được dịch vụ ký số từ xa. Chưa có văn bản nào được ký và không mất dữ liệu; hãy ký lại khi có mạng, hoặc ký bằng USB token.</translation>
    </message>
    <message>
        <source>The remote signing service refused the account. Check the user name and password given by the certificate provider.</source>
        <translation>Dịch vụ ký số từ xa từ chối tài khoản. Hãy kiểm tra tên đăng nhập và mật khẩu do nhà cung cấp chứng thư số cấp.</translation>
    </message>
    <message>
        <source>The remote signing service refused the signing PIN or the one-time code (OTP). Nothing was signed; type them again carefully.</source>
        <translation>Dịch vụ ký số từ xa không chấp nhận mã PIN ký hoặc mã xác thực một lần (OTP). Chưa có văn bản nào được ký; hãy nhập lại cẩn thận.</translation>
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
        <source>The statistics file could not be saved. Close it if it is open in another program, or choose another folder (for example Documents), then export again.</source>
        <translation>Không lưu được tệp thống kê. Hãy đóng tệp nếu đang mở trong chương trình khác, hoặc chọn thư mục khác (ví dụ Documents), rồi xuất lại.</translation>
    </message>
    <message>
        <source>The office queue computer could not do this. Try again; if it fails again, restart the queue on that computer.</source>
        <translation>Máy chủ hàng đợi của cơ quan không thực hiện được yêu cầu này. Hãy thử lại; nếu vẫn lỗi, hãy khởi động lại hàng đợi trên máy đó.</translation>
    </message>
    <message>
        <source>The office queue computer does not answer. Check that it is switched on and connected to the office network; this screen reconnects by itself and nothing is lost.</source>
        <translation>Máy chủ hàng đợi của cơ quan không phản hồi. Hãy kiểm tra máy đó đã bật và đã nối mạng nội bộ; màn hình này sẽ tự kết nối lại và không mất dữ liệu nào.</translation>
    </message>
    <message>
        <source>The office queue refused this computer: its office key is wrong. Ask the administrator to set the office key on this computer again.</source>
        <translation>Hàng đợi của cơ quan từ chối máy này: khóa cơ quan không đúng. Hãy nhờ quản trị viên đặt lại khóa cơ quan trên máy này.</translation>
    </message>
    <message>
        <source>This counter&apos;s access to the office queue was revoked. Ask the administrator to give this computer a new queue key.</source>
        <translation>Quyền truy cập hàng đợi của quầy này đã bị thu hồi. Hãy đề nghị quản trị viên cấp khóa hàng đợi mới cho máy này.</translation>
    </message>
    <message>
        <source>No document camera is set up on this counter. Ask the administrator to choose the camera in the settings; meanwhile scan the card&apos;s QR code with the handheld scanner or type the details from the card.</source>
        <translation>Quầy này chưa cài đặt camera tài liệu. Hãy nhờ quản trị viên chọn camera trong phần thiết lập; trong lúc chờ, hãy quét mã QR trên thẻ bằng máy quét cầm tay hoặc nhập thông tin theo thẻ.</translation>
    </message>
    <message>
        <source>No ID chip reader is set up on this counter. Ask the administrator to choose the reader in the settings; meanwhile read the card&apos;s QR code or type the details from the card.</source>
        <translation>Quầy này chưa cài đặt đầu đọc chip CCCD. Hãy nhờ quản trị viên chọn đầu đọc trong phần thiết lập; trong lúc chờ, hãy đọc mã QR trên thẻ hoặc nhập thông tin theo thẻ.</translation>
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
        <source>The provincial system sent an answer this counter cannot use, so nothing was marked as sent. Keep working: everything is sent again automatically; if this keeps happening, call IT support.</source>
        <translation>Hệ thống của tỉnh gửi về một câu trả lời mà quầy này không dùng được, nên chưa có gì được đánh dấu là đã gửi. Cứ tiếp tục làm việc: mọi thứ sẽ được tự động gửi lại; nếu lỗi này cứ lặp lại, hãy gọi bộ phận hỗ trợ kỹ thuật.</translation>
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
        <source>The provincial server&apos;s certificate is not the one this counter trusts, so nothing was sent. Ask the province IT team; your work stays saved on this computer.</source>
        <translation>Chứng thư số của máy chủ tỉnh không phải là chứng thư mà quầy này tin cậy, nên chưa có dữ liệu nào được gửi đi. Hãy liên hệ bộ phận CNTT của tỉnh; công việc của bạn vẫn được lưu trên máy này.</translation>
    </message>
    <message>
        <source>The provincial server&apos;s certificate is not the one this counter trusts (its key does not match the pin), so nothing was sent. Ask the province IT team; your work stays saved on this computer.</source>
        <translation>Chứng thư số của máy chủ tỉnh không phải là chứng thư mà quầy này tin cậy (khóa của máy chủ không khớp với mã ghim), nên chưa có dữ liệu nào được gửi đi. Hãy liên hệ bộ phận CNTT của tỉnh; công việc của bạn vẫn được lưu trên máy này.</translation>
    </message>
    <message>
        <source>This counter only sends to the provincial server over a secure (https) connection, but the address set is not secure. Ask the province IT team for the https address; your work stays saved on this computer.</source>
        <translation>Quầy này chỉ gửi dữ liệu lên máy chủ tỉnh qua kết nối bảo mật (https), nhưng địa chỉ đã đặt không bảo mật. Hãy xin bộ phận CNTT của tỉnh địa chỉ https; công việc của bạn vẫn được lưu trên máy này.</translation>
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
    <message>
        <source>The scanner is busy (another job, or still warming up). Wait a moment, then scan again; the pages already scanned are kept.</source>
        <translation>Máy quét đang bận (đang làm việc khác hoặc đang khởi động). Chờ một lát rồi quét lại; các trang đã quét vẫn được giữ.</translation>
    </message>
    <message>
        <source>The connection to the scanner was lost during the scan. The pages already scanned are kept; check that the scanner is on and on the network, then scan the remaining pages.</source>
        <translation>Mất kết nối với máy quét trong khi quét. Các trang đã quét vẫn được giữ; kiểm tra máy quét đã bật và đã nối mạng, rồi quét các trang còn lại.</translation>
    </message>
    <message>
        <source>There is no paper in the scanner&apos;s feeder. Put the pages in the feeder, or choose a profile that scans from the glass, then scan again.</source>
        <translation>Khay nạp giấy của máy quét không có giấy. Đặt giấy vào khay nạp, hoặc chọn cấu hình quét trên mặt kính, rồi quét lại.</translation>
    </message>
    <message>
        <source>Text recognition (OCR) is not installed on this computer. The PDF was kept without searchable text; ask IT support to install Tesseract with Vietnamese if it is needed.</source>
        <translation>Máy tính này chưa cài chức năng nhận dạng chữ (OCR). Tệp PDF đã được lưu nhưng không tìm kiếm được chữ; nếu cần, hãy nhờ bộ phận kỹ thuật cài Tesseract kèm tiếng Việt.</translation>
    </message>
    <message>
        <source>Text recognition (OCR) could not read a page. The PDF was kept with that page as a picture only; nothing else needs to be done.</source>
        <translation>Chức năng nhận dạng chữ (OCR) không đọc được một trang. Tệp PDF đã được lưu, trang đó chỉ có hình ảnh; không cần làm gì thêm.</translation>
    </message>
    <message>
        <source>There is no scan profile with this name. Choose one of the profiles listed, or add it under Tools › Scan profiles.</source>
        <translation>Không có cấu hình quét nào mang tên này. Chọn một cấu hình trong danh sách, hoặc thêm cấu hình tại Quản trị › Cấu hình quét.</translation>
    </message>
    <message>
        <source>The barcode scanner stopped working. Check its cable; the app reconnects by itself when it is plugged in again. You can also type the details from the card.</source>
        <translation>Máy đọc mã vạch đã ngừng hoạt động. Kiểm tra dây cáp; ứng dụng tự kết nối lại khi máy được cắm lại. Bạn cũng có thể nhập thông tin từ thẻ.</translation>
    </message>
    <message>
        <source>The barcode scanner was not found on its port. Plug it in (or check the port chosen in the settings), then scan the card again.</source>
        <translation>Không tìm thấy máy đọc mã vạch ở cổng đã chọn. Cắm máy vào (hoặc kiểm tra cổng trong phần cài đặt), rồi quét lại thẻ.</translation>
    </message>
    <message>
        <source>The disk is full: the last page could not be kept. The pages already captured are kept; free some disk space (or delete unneeded pages), then scan the remaining pages.</source>
        <translation>Ổ đĩa đã đầy: không giữ được trang vừa quét. Các trang đã nhận vẫn được giữ; hãy giải phóng dung lượng ổ đĩa (hoặc xóa các trang không cần), rồi quét các trang còn lại.</translation>
    </message>
    <message>
        <source>A separator sheet names a paper this dossier does not have. Take that sheet out or print the right one, then scan the remaining pages; the pages already scanned are kept.</source>
        <translation>Tờ phân cách ghi một giấy tờ mà hồ sơ này không có. Hãy bỏ tờ đó ra hoặc in đúng tờ phân cách, rồi quét các trang còn lại; các trang đã quét vẫn được giữ.</translation>
    </message>
    <message>
        <source>The document camera stopped working. The pages already captured are kept; check the camera&apos;s cable, then open the camera again.</source>
        <translation>Máy ảnh tài liệu đã ngừng hoạt động. Các trang đã chụp vẫn được giữ lại; hãy kiểm tra dây cáp của máy ảnh rồi mở lại máy ảnh.</translation>
    </message>
    <message>
        <source>The document camera was not found. Check that it is plugged in and not used by another program, then choose it again in the settings.</source>
        <translation>Không tìm thấy máy ảnh tài liệu. Hãy kiểm tra máy ảnh đã được cắm và không bị chương trình khác sử dụng, rồi chọn lại trong phần cài đặt.</translation>
    </message>
    <message>
        <source>The document camera stopped sending pictures (unplugged?). The pages already captured are kept; plug the camera in again and reopen it.</source>
        <translation>Máy ảnh tài liệu không còn gửi hình (bị rút dây?). Các trang đã chụp vẫn được giữ lại; hãy cắm lại máy ảnh rồi mở lại.</translation>
    </message>
    <message>
        <source>The ID card chip could not be read. Put the card flat on the reader and read again; or fill in the details from the card&apos;s QR code or by hand.</source>
        <translation>Không đọc được chip thẻ căn cước. Đặt thẻ nằm phẳng trên đầu đọc và đọc lại; hoặc điền thông tin từ mã QR trên thẻ hay nhập tay.</translation>
    </message>
    <message>
        <source>No card reader was found. Check that the reader is plugged in (and its driver installed), then read again.</source>
        <translation>Không tìm thấy đầu đọc thẻ. Kiểm tra đầu đọc đã được cắm (và đã cài trình điều khiển), rồi đọc lại.</translation>
    </message>
    <message>
        <source>There is no card on the reader. Put the ID card flat on the reader and read again.</source>
        <translation>Chưa có thẻ trên đầu đọc. Đặt thẻ căn cước nằm phẳng trên đầu đọc và đọc lại.</translation>
    </message>
    <message>
        <source>The chip refused the details entered. Check the ID number, the date of birth and the expiry date against the card, then read again.</source>
        <translation>Chip không chấp nhận thông tin đã nhập. Đối chiếu số định danh, ngày sinh và ngày hết hạn với thẻ, rồi đọc lại.</translation>
    </message>
    <message>
        <source>The card was moved away while it was being read. Keep it still on the reader and read again; nothing was kept from the broken read.</source>
        <translation>Thẻ bị nhấc ra khi đang đọc. Giữ yên thẻ trên đầu đọc và đọc lại; không giữ lại dữ liệu nào của lần đọc bị gián đoạn.</translation>
    </message>
    <message>
        <source>The chip&apos;s data is damaged or does not match its signature. Do not rely on it: check the card itself and fill in the details from the card.</source>
        <translation>Dữ liệu trong chip bị hỏng hoặc không khớp với chữ ký số. Không dựa vào dữ liệu này: kiểm tra thẻ và điền thông tin từ thẻ.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this. Ask an officer with the right role (office leader or administrator) to do it; nothing was changed.</source>
        <translation>Tài khoản của bạn không được phép làm việc này. Hãy nhờ cán bộ có vai trò phù hợp (lãnh đạo hoặc quản trị viên cơ quan) thực hiện; chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>Log in first: the screen is locked or nobody is logged in. Nothing was changed.</source>
        <translation>Hãy đăng nhập trước: màn hình đang khóa hoặc chưa có ai đăng nhập. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>The user name or password is wrong. Check the keyboard language and Caps Lock, then type them again.</source>
        <translation>Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra bộ gõ tiếng Việt và phím Caps Lock, rồi nhập lại.</translation>
    </message>
    <message>
        <source>This account has been withdrawn by the province and can no longer log in. Ask the office administrator.</source>
        <translation>Tài khoản này đã bị tỉnh thu hồi và không thể đăng nhập nữa. Hãy hỏi quản trị viên của cơ quan.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked for a few minutes. Wait, then try again, or ask the office administrator.</source>
        <translation>Nhập sai mật khẩu quá nhiều lần: tài khoản tạm bị khóa trong vài phút. Hãy chờ rồi thử lại, hoặc hỏi quản trị viên của cơ quan.</translation>
    </message>
    <message>
        <source>The backup could not be made. The data and earlier backups are safe; the app tries again later. If it keeps failing, call IT support.</source>
        <translation>Chưa sao lưu được. Dữ liệu và các bản sao lưu trước vẫn an toàn; ứng dụng sẽ tự thử lại sau. Nếu vẫn không được, hãy gọi bộ phận hỗ trợ kỹ thuật.</translation>
    </message>
    <message>
        <source>The backup drive was not found. Plug in the USB drive (or connect the backup disk); the app tries again by itself.</source>
        <translation>Không tìm thấy ổ sao lưu. Hãy cắm ổ USB (hoặc kết nối ổ đĩa sao lưu); ứng dụng sẽ tự thử lại.</translation>
    </message>
    <message>
        <source>The backup drive is full. Keep fewer backups or use a larger drive; nothing was lost and the app tries again later.</source>
        <translation>Ổ sao lưu đã đầy. Hãy giữ ít bản sao lưu hơn hoặc dùng ổ lớn hơn; không mất dữ liệu nào và ứng dụng sẽ thử lại sau.</translation>
    </message>
    <message>
        <source>Automatic backups are not set up. Choose a backup folder in Tools ▸ Backups.</source>
        <translation>Chưa thiết lập sao lưu tự động. Hãy chọn thư mục sao lưu trong Quản trị ▸ Sao lưu.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Setting up this counter</source>
        <translation>Thiết lập quầy này</translation>
    </message>
    <message>
        <source>Queue tickets are printed on this printer. Choose its kind, then print a test slip.</source>
        <translation>Phiếu số thứ tự được in ở máy in này. Hãy chọn loại máy in, rồi in phiếu thử.</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Quay lại</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>Để &amp;sau</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Tiếp tục</translation>
    </message>
    <message>
        <source>Step 1 of 4: the office</source>
        <translation>Bước 1/4: cơ quan</translation>
    </message>
    <message>
        <source>Step 2 of 4: this counter</source>
        <translation>Bước 2/4: quầy này</translation>
    </message>
    <message>
        <source>Step 3 of 4: the ticket printer</source>
        <translation>Bước 3/4: máy in phiếu</translation>
    </message>
    <message>
        <source>Step 4 of 4: the procedure catalogue</source>
        <translation>Bước 4/4: danh mục thủ tục</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <source>Correct the fields marked in red to go on.</source>
        <translation>Hãy sửa các mục được đánh dấu đỏ để tiếp tục.</translation>
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
    <name>IdCardBar</name>
    <message>
        <source>Read ID chip (F12)</source>
        <translation>Đọc chip CCCD (F12)</translation>
    </message>
    <message>
        <source>Read ID card with camera (Ctrl+F12)</source>
        <translation>Đọc thẻ CCCD bằng camera (Ctrl+F12)</translation>
    </message>
    <message>
        <source>or scan the card&apos;s QR code with the handheld scanner.</source>
        <translation>hoặc quét mã QR trên thẻ bằng máy quét cầm tay.</translation>
    </message>
    <message>
        <source>Read the name, number, dates and address from the card&apos;s chip.</source>
        <translation>Đọc họ tên, số định danh, các ngày và địa chỉ từ chip của thẻ.</translation>
    </message>
    <message>
        <source>Hold the card&apos;s QR code under the document camera.</source>
        <translation>Đưa mã QR của thẻ vào dưới camera tài liệu.</translation>
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
        <source>Scan the papers (Ctrl+G)</source>
        <translation>Quét giấy tờ (Ctrl+G)</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Quay lại bước trước</translation>
    </message>
    <message>
        <source>Receive the dossier (on the review)</source>
        <translation>Tiếp nhận hồ sơ (ở bước xem lại)</translation>
    </message>
    <message>
        <source>Cancel the dossier being entered</source>
        <translation>Hủy hồ sơ đang nhập</translation>
    </message>
    <message>
        <source>Print the form</source>
        <translation>In phiếu</translation>
    </message>
    <message>
        <source>Save the form as PDF</source>
        <translation>Lưu phiếu thành tệp PDF</translation>
    </message>
    <message>
        <source>Open the form</source>
        <translation>Mở phiếu</translation>
    </message>
    <message>
        <source>Read the ID card&apos;s chip</source>
        <translation>Đọc chip thẻ căn cước</translation>
    </message>
    <message>
        <source>Read the ID card&apos;s QR with the camera</source>
        <translation>Đọc mã QR thẻ căn cước bằng camera</translation>
    </message>
    <message>
        <source>Scan the papers of the dossier just received</source>
        <translation>Quét giấy tờ của hồ sơ vừa tiếp nhận</translation>
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
        <source>No scanner is set up on this counter. Ask the administrator to set one up; the dossier is saved and its papers can be scanned later from the dossier (Ctrl+2).</source>
        <translation>Quầy này chưa cài đặt máy quét. Hãy nhờ quản trị viên cài đặt; hồ sơ đã được lưu, giấy tờ có thể quét sau trong màn hình hồ sơ (Ctrl+2).</translation>
    </message>
    <message>
        <source>Loading the procedure catalogue…</source>
        <translation>Đang tải danh mục thủ tục…</translation>
    </message>
    <message>
        <source>The dossier is received from the review step: press Enter to go on, check the papers, then Ctrl+Enter on the review.</source>
        <translation>Hồ sơ chỉ được tiếp nhận ở bước xem lại: bấm Enter để đi tiếp, kiểm tra giấy tờ, rồi bấm Ctrl+Enter ở bước xem lại.</translation>
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
        <source>Taking a number is paused for a moment: the queue computer cannot be reached. Please wait, or ask the officer.</source>
        <translation>Việc lấy số tạm dừng trong giây lát: không kết nối được với máy chủ hàng đợi. Xin vui lòng chờ, hoặc hỏi cán bộ.</translation>
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
    <name>LoginPanel</name>
    <message>
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Type your user name and password, then press Enter.</source>
        <translation>Nhập tên đăng nhập và mật khẩu, rồi nhấn Enter.</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>Đăng &amp;nhập</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>Type both your user name and your password.</source>
        <translation>Hãy nhập cả tên đăng nhập và mật khẩu.</translation>
    </message>
    <message numerus="yes">
        <source>%n try(ies) left before the account is locked.</source>
        <translation>
            <numerusform>Còn %n lần thử trước khi tài khoản bị khóa.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can try again at {time}.</source>
        <translation>Bạn có thể thử lại lúc {time}.</translation>
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
        <source>Queue statistics
Ctrl+5</source>
        <translation>Thống kê hàng đợi
Ctrl+5</translation>
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
        <source>Queue s&amp;tatistics</source>
        <translation>Thống &amp;kê hàng đợi</translation>
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
        <source>Officer &amp;accounts…</source>
        <translation>Tài khoản &amp;cán bộ…</translation>
    </message>
    <message>
        <source>Scan &amp;profiles…</source>
        <translation>Cấu hình &amp;quét…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>Sao &amp;lưu…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Cà&amp;i đặt…</translation>
    </message>
    <message>
        <source>&amp;Devices…</source>
        <translation>T&amp;hiết bị…</translation>
    </message>
    <message>
        <source>&amp;First-run set-up…</source>
        <translation>Thiết lập ba&amp;n đầu…</translation>
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
    <message numerus="yes">
        <source>%n half-written file(s) removed (they held nothing saved)</source>
        <translation>
            <numerusform>%n tệp ghi dở đã được xoá (không chứa dữ liệu đã lưu)</numerusform>
        </translation>
    </message>
    <message>
        <source>The app was not closed properly last time (power cut or crash). The database was checked and is intact; {removed}. Dossiers saved before are all there.</source>
        <translation>Lần trước ứng dụng không được đóng đúng cách (mất điện hoặc lỗi). Cơ sở dữ liệu đã được kiểm tra và còn nguyên vẹn; {removed}. Các hồ sơ đã lưu trước đó vẫn đầy đủ.</translation>
    </message>
    <message>
        <source>The app was not closed properly last time and the database check found problems. Keep working only after IT support has run Tools ▸ Check the system; your last backup can be restored if needed.</source>
        <translation>Lần trước ứng dụng không được đóng đúng cách và việc kiểm tra cơ sở dữ liệu phát hiện lỗi. Chỉ tiếp tục làm việc sau khi bộ phận CNTT đã chạy Quản trị ▸ Kiểm tra hệ thống; có thể khôi phục bản sao lưu gần nhất nếu cần.</translation>
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
        <source>Next / previous field or button</source>
        <translation>Sang ô hoặc nút kế tiếp / trước đó</translation>
    </message>
    <message>
        <source>Go to that field or button</source>
        <translation>Đến ô hoặc nút đó</translation>
    </message>
    <message>
        <source>Next step; in a list, open</source>
        <translation>Bước tiếp theo; trong danh sách: mở hồ sơ</translation>
    </message>
    <message>
        <source>Tick or untick a paper</source>
        <translation>Đánh dấu / bỏ đánh dấu giấy tờ</translation>
    </message>
    <message>
        <source>underlined letter</source>
        <translation>chữ cái gạch chân</translation>
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
        <translation>Đón&amp;g</translation>
    </message>
    <message>
        <source>&amp;Keep entering</source>
        <translation>&amp;Tiếp tục nhập</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <source>Notice on the display screen</source>
        <translation>Thông báo trên màn hình hiển thị</translation>
    </message>
    <message>
        <source>&amp;Notice:</source>
        <translation>&amp;Thông báo:</translation>
    </message>
    <message>
        <source>Leave it empty to show the usual greeting.</source>
        <translation>Để trống thì hiện lời chào thường lệ.</translation>
    </message>
</context>
<context>
    <name>OfficeSection</name>
    <message>
        <source>Office &amp;name:</source>
        <translation>Tê&amp;n cơ quan:</translation>
    </message>
    <message>
        <source>e.g. UBND xã Gia Viễn</source>
        <translation>ví dụ: UBND xã Gia Viễn</translation>
    </message>
    <message>
        <source>Agency &amp;code:</source>
        <translation>&amp;Mã định danh cơ quan:</translation>
    </message>
    <message>
        <source>&amp;Parent authority:</source>
        <translation>Cơ quan &amp;cấp trên:</translation>
    </message>
    <message>
        <source>e.g. UBND TỈNH NINH BÌNH</source>
        <translation>ví dụ: UBND TỈNH NINH BÌNH</translation>
    </message>
    <message>
        <source>Place name on &amp;forms:</source>
        <translation>Địa &amp;danh in trên mẫu:</translation>
    </message>
    <message>
        <source>e.g. Gia Viễn</source>
        <translation>ví dụ: Gia Viễn</translation>
    </message>
    <message>
        <source>&amp;Telephone:</source>
        <translation>Điện th&amp;oại:</translation>
    </message>
    <message>
        <source>The office&apos;s name and code are printed on every receipt and are part of every dossier code. Ask the province for the agency code.</source>
        <translation>Tên và mã của cơ quan được in trên mọi phiếu và là một phần của mọi mã hồ sơ. Mã định danh cơ quan do tỉnh cấp.</translation>
    </message>
</context>
<context>
    <name>PageStrip</name>
    <message>
        <source>Blank?</source>
        <translation>Trống?</translation>
    </message>
</context>
<context>
    <name>PdfActions</name>
    <message>
        <source>This computer has no default printer, so the print dialog opened: choose a printer there, or set a default printer in the system&apos;s settings.</source>
        <translation>Máy tính này chưa có máy in mặc định nên hộp thoại in đã mở: chọn máy in ở đó, hoặc đặt máy in mặc định trong phần cài đặt của hệ điều hành.</translation>
    </message>
    <message>
        <source>no default printer</source>
        <translation>không có máy in mặc định</translation>
    </message>
    <message>
        <source>Print {title}</source>
        <translation>In {title}</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <source>Printing on {printer}…</source>
        <translation>Đang in trên máy in {printer}…</translation>
    </message>
    <message>
        <source>Printed {pages} page(s) on {printer}.</source>
        <translation>Đã in {pages} trang trên máy in {printer}.</translation>
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
    <name>PdfPreviewDialog</name>
    <message>
        <source>Preview of {title}</source>
        <translation>Xem trước {title}</translation>
    </message>
    <message>
        <source>{pages} page(s)</source>
        <translation>{pages} trang</translation>
    </message>
    <message>
        <source>&amp;Print (Ctrl+P)</source>
        <translation>&amp;In (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
    <message>
        <source>Print the previewed form</source>
        <translation>In biểu mẫu đang xem trước</translation>
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
        <source>One-time code (OTP)</source>
        <translation>Mã xác thực một lần (OTP)</translation>
    </message>
    <message>
        <source>One-time &amp;code (OTP) sent by the signing service:</source>
        <translation>&amp;Mã xác thực một lần (OTP) do dịch vụ ký số gửi:</translation>
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
        <source>Type the one-time code (OTP) too.</source>
        <translation>Hãy nhập cả mã xác thực một lần (OTP).</translation>
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
    <name>PrinterFields</name>
    <message>
        <source>Print a &amp;test slip</source>
        <translation>In &amp;phiếu thử</translation>
    </message>
    <message>
        <source>&amp;Ticket printer:</source>
        <translation>&amp;Máy in phiếu:</translation>
    </message>
    <message>
        <source>&amp;IP address:</source>
        <translation>Địa chỉ &amp;IP:</translation>
    </message>
    <message>
        <source>Netw&amp;ork port:</source>
        <translation>Cổn&amp;g mạng:</translation>
    </message>
    <message>
        <source>&amp;Serial port:</source>
        <translation>Cổn&amp;g nối tiếp:</translation>
    </message>
    <message>
        <source>USB &amp;vendor id (VID):</source>
        <translation>Mã hãng USB (&amp;VID):</translation>
    </message>
    <message>
        <source>USB pro&amp;duct id (PID):</source>
        <translation>Mã sản phẩm USB (P&amp;ID):</translation>
    </message>
    <message>
        <source>&amp;Windows printer name:</source>
        <translation>Tên máy in trong &amp;Windows:</translation>
    </message>
    <message>
        <source>empty: the default printer</source>
        <translation>để trống: máy in mặc định</translation>
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
        <translation>Ưu &amp;tiên:</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>Đồ&amp;ng ý</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Hủy</translation>
    </message>
</context>
<context>
    <name>QueueDialogs</name>
    <message>
        <source>&amp;OK</source>
        <translation>Đồ&amp;ng ý</translation>
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
        <source>Call a ticket… (F5)</source>
        <translation>Gọi số chỉ định… (F5)</translation>
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
        <source>Work &amp;profile…</source>
        <translation>&amp;Phân công dịch vụ…</translation>
    </message>
    <message>
        <source>Display &amp;notice…</source>
        <translation>Thông báo &amp;màn hình…</translation>
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
        <source>Counter {n}</source>
        <translation>Quầy {n}</translation>
    </message>
    <message>
        <source>The work profile of this counter is saved.</source>
        <translation>Đã lưu phân công dịch vụ của quầy.</translation>
    </message>
    <message>
        <source>The display screens will show the new notice.</source>
        <translation>Màn hình hiển thị sẽ chạy thông báo mới.</translation>
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
    <name>QueueStatsPage</name>
    <message>
        <source>Tickets</source>
        <translation>Số phiếu</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>Đã phục vụ</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>Vắng mặt</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Chuyển tiếp</translation>
    </message>
    <message>
        <source>Mean wait (min)</source>
        <translation>Chờ trung bình (phút)</translation>
    </message>
    <message>
        <source>Wait p90 (min)</source>
        <translation>Chờ P90 (phút)</translation>
    </message>
    <message>
        <source>Mean service (min)</source>
        <translation>Phục vụ trung bình (phút)</translation>
    </message>
    <message>
        <source>Service p90 (min)</source>
        <translation>Phục vụ P90 (phút)</translation>
    </message>
    <message>
        <source>Queue statistics</source>
        <translation>Thống kê hàng đợi</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>Xem &amp;số liệu</translation>
    </message>
    <message>
        <source>Last &amp;7 days</source>
        <translation>&amp;7 ngày gần nhất</translation>
    </message>
    <message>
        <source>&amp;Export XLSX… (Ctrl+E)</source>
        <translation>Xuất &amp;Excel… (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export XLSX</source>
        <translation>Xuất Excel</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>Từ n&amp;gày:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>Đến ngà&amp;y:</translation>
    </message>
    <message>
        <source>Citizens</source>
        <translation>Lượt công dân</translation>
    </message>
    <message>
        <source>90% waited at most (min)</source>
        <translation>90% chờ không quá (phút)</translation>
    </message>
    <message>
        <source>90% served within (min)</source>
        <translation>90% phục vụ trong vòng (phút)</translation>
    </message>
    <message>
        <source>Waiting time, 3-minute steps (tickets)</source>
        <translation>Thời gian chờ, mỗi cột 3 phút (số phiếu)</translation>
    </message>
    <message>
        <source>Service time, 3-minute steps (tickets)</source>
        <translation>Thời gian phục vụ, mỗi cột 3 phút (số phiếu)</translation>
    </message>
    <message>
        <source>Tickets per service</source>
        <translation>Số phiếu theo dịch vụ</translation>
    </message>
    <message>
        <source>No tickets in this period</source>
        <translation>Không có phiếu nào trong thời gian này</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dịch vụ</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Per counter</source>
        <translation>Theo quầy</translation>
    </message>
    <message>
        <source>Per officer</source>
        <translation>Theo cán bộ</translation>
    </message>
    <message>
        <source>Per service</source>
        <translation>Theo dịch vụ</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Theo ngày</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>Xuất thống kê</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Statistics saved to {path}</source>
        <translation>Đã lưu thống kê vào {path}</translation>
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
    <name>RulesSection</name>
    <message>
        <source>Afternoon &amp;cut-off time:</source>
        <translation>Giờ &amp;chốt nhận hồ sơ buổi chiều:</translation>
    </message>
    <message>
        <source>e.g. 15:30; empty: none</source>
        <translation>ví dụ: 15:30; để trống: không chốt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>không khóa</translation>
    </message>
    <message>
        <source>Lock the screen after (&amp;minutes idle):</source>
        <translation>Khóa màn hình khi không dùng (&amp;phút):</translation>
    </message>
    <message>
        <source>A dossier received after the cut-off time counts from the next working day, unless its procedure sets its own time.</source>
        <translation>Hồ sơ nhận sau giờ chốt được tính từ ngày làm việc tiếp theo, trừ khi thủ tục có giờ chốt riêng.</translation>
    </message>
</context>
<context>
    <name>ScanActions</name>
    <message>
        <source>Sc&amp;an papers…</source>
        <translation>Quét &amp;giấy tờ…</translation>
    </message>
    <message>
        <source>Scan, photograph or import the pages of the chosen paper.</source>
        <translation>Quét, chụp hoặc nhập các trang của giấy tờ đang chọn.</translation>
    </message>
</context>
<context>
    <name>ScanDialog</name>
    <message>
        <source>Scan papers · {code}</source>
        <translation>Quét giấy tờ · {code}</translation>
    </message>
    <message>
        <source>Scan papers into the dossier</source>
        <translation>Quét giấy tờ vào hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>&amp;Giấy tờ:</translation>
    </message>
    <message>
        <source>Sc&amp;anner:</source>
        <translation>&amp;Máy quét:</translation>
    </message>
    <message>
        <source>Pr&amp;ofile:</source>
        <translation>&amp;Kiểu quét:</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>&amp;Quét</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Dừng</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Các trang</translation>
    </message>
    <message>
        <source>◀ Move (Ctrl+←)</source>
        <translation>◀ Đưa lên trước (Ctrl+←)</translation>
    </message>
    <message>
        <source>Move ▶ (Ctrl+→)</source>
        <translation>Đưa ra sau ▶ (Ctrl+→)</translation>
    </message>
    <message>
        <source>&amp;Rotate (R)</source>
        <translation>&amp;Xoay (R)</translation>
    </message>
    <message>
        <source>&amp;Delete (Del)</source>
        <translation>Xó&amp;a (Del)</translation>
    </message>
    <message>
        <source>&amp;Undo delete (Ctrl+Z)</source>
        <translation>&amp;Hoàn tác xóa (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Not &amp;blank</source>
        <translation>Khô&amp;ng trống</translation>
    </message>
    <message>
        <source>The page was flagged blank; keep it as a real page.</source>
        <translation>Trang này bị đánh dấu là trang trống; giữ lại như một trang thật.</translation>
    </message>
    <message>
        <source>&amp;Insert from scanner</source>
        <translation>&amp;Chèn từ máy quét</translation>
    </message>
    <message>
        <source>Scan pages and put them before the chosen page.</source>
        <translation>Quét thêm trang và đặt trước trang đang chọn.</translation>
    </message>
    <message>
        <source>Rep&amp;lace from scanner</source>
        <translation>&amp;Thay bằng trang quét</translation>
    </message>
    <message>
        <source>Scan one page in place of the chosen page.</source>
        <translation>Quét một trang để thay cho trang đang chọn.</translation>
    </message>
    <message>
        <source>Add from &amp;file…</source>
        <translation>Thêm từ tệ&amp;p…</translation>
    </message>
    <message>
        <source>Add from ca&amp;mera</source>
        <translation>Chụp bằng cam&amp;era</translation>
    </message>
    <message>
        <source>Separator s&amp;heets…</source>
        <translation>&amp;In tờ phân cách…</translation>
    </message>
    <message>
        <source>Print one separator sheet per paper: put each before its paper and scan the whole pile at once.</source>
        <translation>In mỗi giấy tờ một tờ phân cách: đặt mỗi tờ trước giấy tờ của nó rồi quét cả xấp một lần.</translation>
    </message>
    <message>
        <source>Sa&amp;ve component</source>
        <translation>&amp;Lưu thành phần</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Insert from scanner</source>
        <translation>Chèn từ máy quét</translation>
    </message>
    <message>
        <source>Replace from scanner</source>
        <translation>Thay bằng trang quét</translation>
    </message>
    <message>
        <source>Insert from file…</source>
        <translation>Chèn từ tệp…</translation>
    </message>
    <message>
        <source>Replace from file…</source>
        <translation>Thay bằng trang từ tệp…</translation>
    </message>
    <message>
        <source>Rotate clockwise</source>
        <translation>Xoay theo chiều kim đồng hồ</translation>
    </message>
    <message>
        <source>Rotate anticlockwise</source>
        <translation>Xoay ngược chiều kim đồng hồ</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source> — {n} page(s), saved</source>
        <translation> — {n} trang, đã lưu</translation>
    </message>
    <message>
        <source> — {n} page(s), not saved yet</source>
        <translation> — {n} trang, chưa lưu</translation>
    </message>
    <message>
        <source>glass</source>
        <translation>mặt kính</translation>
    </message>
    <message>
        <source>feeder</source>
        <translation>khay nạp giấy</translation>
    </message>
    <message>
        <source>both sides</source>
        <translation>hai mặt</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>màu</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>thang xám</translation>
    </message>
    <message>
        <source>black and white</source>
        <translation>đen trắng</translation>
    </message>
    <message>
        <source>{source}, {mode}, {dpi} dpi</source>
        <translation>{source}, {mode}, {dpi} dpi</translation>
    </message>
    <message>
        <source>No scanner was found. Connect and switch on the scanner, or add pages from files.</source>
        <translation>Không tìm thấy máy quét. Hãy kết nối và bật máy quét, hoặc thêm trang từ tệp.</translation>
    </message>
    <message>
        <source>Choose a scanner first.</source>
        <translation>Hãy chọn máy quét trước.</translation>
    </message>
    <message>
        <source>Choose a page in the strip first.</source>
        <translation>Hãy chọn một trang trong dải ảnh trước.</translation>
    </message>
    <message>
        <source>Add pages from files</source>
        <translation>Thêm trang từ tệp</translation>
    </message>
    <message>
        <source>Scans and photos ({patterns})</source>
        <translation>Bản quét và ảnh chụp ({patterns})</translation>
    </message>
    <message>
        <source>File import is not set up on this computer.</source>
        <translation>Máy này chưa được cài đặt chức năng nhập tệp.</translation>
    </message>
    <message>
        <source>Waiting for the first page…</source>
        <translation>Đang chờ trang đầu tiên…</translation>
    </message>
    <message>
        <source>Stopping after the current page…</source>
        <translation>Sẽ dừng sau trang đang quét…</translation>
    </message>
    <message>
        <source>{component}: page {n} captured.</source>
        <translation>{component}: đã nhận trang {n}.</translation>
    </message>
    <message>
        <source>{n} page(s) captured ({where}).</source>
        <translation>Đã nhận {n} trang ({where}).</translation>
    </message>
    <message>
        <source>Page(s) {pages} look blank: check them, then delete them or press Not blank.</source>
        <translation>Trang {pages} có vẻ là trang trống: hãy kiểm tra, rồi xóa hoặc nhấn Không trống.</translation>
    </message>
    <message>
        <source>No page came out of the scanner: put the paper in, then scan again.</source>
        <translation>Máy quét không ra trang nào: hãy đặt giấy vào rồi quét lại.</translation>
    </message>
    <message>
        <source>Page deleted. Ctrl+Z brings it back.</source>
        <translation>Đã xóa trang. Nhấn Ctrl+Z để lấy lại.</translation>
    </message>
    <message>
        <source>Page {n}</source>
        <translation>Trang {n}</translation>
    </message>
    <message>
        <source>Page {n} · blank?</source>
        <translation>Trang {n} · trống?</translation>
    </message>
    <message>
        <source>No pages yet: press Scan (Alt+S), or add pages from a file.</source>
        <translation>Chưa có trang nào: nhấn Quét (Alt+Q), hoặc thêm trang từ tệp.</translation>
    </message>
    <message>
        <source>scanner</source>
        <translation>máy quét</translation>
    </message>
    <message>
        <source>file</source>
        <translation>tệp</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>camera tài liệu</translation>
    </message>
    <message>
        <source>Page {n} of {total}</source>
        <translation>Trang {n}/{total}</translation>
    </message>
    <message>
        <source>{dpi} dpi</source>
        <translation>{dpi} dpi</translation>
    </message>
    <message>
        <source>turned {degrees}°</source>
        <translation>đã xoay {degrees}°</translation>
    </message>
    <message>
        <source>looks blank: delete it, or press Not blank to keep it</source>
        <translation>có vẻ là trang trống: hãy xóa, hoặc nhấn Không trống để giữ lại</translation>
    </message>
    <message>
        <source>Separator sheets {code}</source>
        <translation>Tờ phân cách {code}</translation>
    </message>
    <message>
        <source>Saving {component}…</source>
        <translation>Đang lưu {component}…</translation>
    </message>
    <message>
        <source>Saved {component}: {pages} page(s), {size} KB, kept with the dossier as {file}.</source>
        <translation>Đã lưu {component}: {pages} trang, {size} KB, lưu kèm hồ sơ với tên {file}.</translation>
    </message>
    <message numerus="yes">
        <source>Searchable text on %n page(s).</source>
        <translation>
            <numerusform>Có chữ tìm kiếm được trên %n trang.</numerusform>
        </translation>
    </message>
    <message>
        <source>No searchable text: text recognition is not available on this computer.</source>
        <translation>Không có lớp chữ tìm kiếm được: máy này chưa có chức năng nhận dạng chữ.</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>Đóng mà không lưu?</translation>
    </message>
    <message>
        <source>The pages of {components} are not saved and will be lost. Close anyway?</source>
        <translation>Các trang của {components} chưa được lưu và sẽ bị mất. Vẫn đóng?</translation>
    </message>
    <message>
        <source>Close &amp;without saving</source>
        <translation>Đóng &amp;không lưu</translation>
    </message>
    <message>
        <source>&amp;Keep scanning</source>
        <translation>&amp;Tiếp tục quét</translation>
    </message>
</context>
<context>
    <name>ScanProfilesDialog</name>
    <message>
        <source>Scan profiles</source>
        <translation>Cấu hình quét</translation>
    </message>
    <message>
        <source>Named scan settings per kind of paper. The scan dialog offers them; a paper listed under &quot;Default for papers&quot; is scanned with its profile unless another is chosen.</source>
        <translation>Các thiết lập quét có tên cho từng loại giấy tờ. Hộp thoại quét sẽ đưa ra các cấu hình này; giấy tờ ghi trong mục &quot;Mặc định cho giấy tờ&quot; được quét bằng cấu hình của nó, trừ khi chọn cấu hình khác.</translation>
    </message>
    <message>
        <source>&amp;Profiles:</source>
        <translation>&amp;Danh sách cấu hình:</translation>
    </message>
    <message>
        <source>Glass (one page)</source>
        <translation>Mặt kính (một trang)</translation>
    </message>
    <message>
        <source>Feeder, one side</source>
        <translation>Khay nạp giấy, một mặt</translation>
    </message>
    <message>
        <source>Feeder, both sides</source>
        <translation>Khay nạp giấy, hai mặt</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Thang xám</translation>
    </message>
    <message>
        <source>Black and white</source>
        <translation>Đen trắng</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Màu</translation>
    </message>
    <message>
        <source>until the feeder is empty</source>
        <translation>đến khi hết giấy trong khay</translation>
    </message>
    <message>
        <source>paper names, separated by ;</source>
        <translation>tên giấy tờ, cách nhau bằng dấu ;</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>Ng&amp;uồn giấy:</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>Độ &amp;phân giải:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Màu:</translation>
    </message>
    <message>
        <source>Pa&amp;ge size:</source>
        <translation>&amp;Khổ giấy:</translation>
    </message>
    <message>
        <source>&amp;Max pages:</source>
        <translation>Số trang tối đ&amp;a:</translation>
    </message>
    <message>
        <source>Default for pap&amp;ers:</source>
        <translation>Mặc định &amp;cho giấy tờ:</translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation>Thêm mớ&amp;i</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>Restore &amp;built-in profiles</source>
        <translation>Khôi phục cấu hình &amp;gốc</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Đó&amp;ng</translation>
    </message>
    <message>
        <source>Profile &quot;{name}&quot; saved.</source>
        <translation>Đã lưu cấu hình &quot;{name}&quot;.</translation>
    </message>
    <message>
        <source>Profile &quot;{name}&quot; deleted.</source>
        <translation>Đã xóa cấu hình &quot;{name}&quot;.</translation>
    </message>
    <message>
        <source>The last profile was deleted: the built-in profiles are back.</source>
        <translation>Đã xóa cấu hình cuối cùng: các cấu hình gốc được dùng lại.</translation>
    </message>
    <message>
        <source>The built-in profiles were restored; your own profiles are kept.</source>
        <translation>Đã khôi phục các cấu hình gốc; các cấu hình bạn tự tạo vẫn được giữ.</translation>
    </message>
</context>
<context>
    <name>SessionLock</name>
    <message>
        <source>&amp;Lock / switch officer</source>
        <translation>&amp;Khóa máy / đổi cán bộ</translation>
    </message>
    <message>
        <source>Officer: {name}</source>
        <translation>Cán bộ: {name}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>An agency code has the form 000.00.31.H41: digits in groups of 3, 2 and 2, then a capital letter and 2 digits.</source>
        <translation>Mã định danh có dạng 000.00.31.H41: các nhóm 3, 2 và 2 chữ số, rồi một chữ in hoa và 2 chữ số.</translation>
    </message>
    <message>
        <source>Enter this office&apos;s own code: 000.00.00.H00 is only the placeholder of a new workspace.</source>
        <translation>Hãy nhập mã riêng của cơ quan: 000.00.00.H00 chỉ là mã tạm của dữ liệu mới.</translation>
    </message>
    <message>
        <source>This must be filled in.</source>
        <translation>Cần điền mục này.</translation>
    </message>
    <message>
        <source>Enter a phone number, for example 0229 3871 234.</source>
        <translation>Nhập số điện thoại, ví dụ 0229 3871 234.</translation>
    </message>
    <message>
        <source>Choose a number from 1 to 9, different on each counter computer.</source>
        <translation>Chọn một số từ 1 đến 9, mỗi máy quầy một số khác nhau.</translation>
    </message>
    <message>
        <source>Enter a time as hours:minutes, for example 15:30, or leave it empty.</source>
        <translation>Nhập giờ theo dạng giờ:phút, ví dụ 15:30, hoặc để trống.</translation>
    </message>
    <message>
        <source>The start must come before the end.</source>
        <translation>Giờ bắt đầu phải trước giờ kết thúc.</translation>
    </message>
    <message>
        <source>From 0 (never) to 240 minutes.</source>
        <translation>Từ 0 (không khóa) đến 240 phút.</translation>
    </message>
    <message>
        <source>This kind of device is not installed on this computer.</source>
        <translation>Loại thiết bị này chưa được cài trên máy tính này.</translation>
    </message>
    <message>
        <source>A port from 1 to 65535; ticket printers usually use 9100.</source>
        <translation>Cổng từ 1 đến 65535; máy in phiếu thường dùng cổng 9100.</translation>
    </message>
    <message>
        <source>No such file on this computer: give the full path of the library the token&apos;s software installed.</source>
        <translation>Máy tính này không có tệp này: hãy ghi đường dẫn đầy đủ của thư viện do phần mềm thiết bị ký số cài đặt.</translation>
    </message>
    <message>
        <source>The key number is written in hex digits (0–9, A–F), as the token test shows it; leave it empty when the token holds one key.</source>
        <translation>Số hiệu khóa viết bằng chữ số thập lục phân (0–9, A–F); để trống nếu thiết bị chỉ có một khóa ký.</translation>
    </message>
    <message>
        <source>Thermal printer on the network (ESC/POS)</source>
        <translation>Máy in nhiệt qua mạng (ESC/POS)</translation>
    </message>
    <message>
        <source>Thermal printer on USB (ESC/POS)</source>
        <translation>Máy in nhiệt cắm cổng USB (ESC/POS)</translation>
    </message>
    <message>
        <source>Thermal printer on a serial port (ESC/POS)</source>
        <translation>Máy in nhiệt cắm cổng nối tiếp (ESC/POS)</translation>
    </message>
    <message>
        <source>Printer installed in Windows (ESC/POS)</source>
        <translation>Máy in đã cài trong Windows (ESC/POS)</translation>
    </message>
    <message>
        <source>Practice printer (keeps tickets as pictures)</source>
        <translation>Máy in tập (lưu phiếu thành ảnh)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <source>Document camera or webcam</source>
        <translation>Camera tài liệu hoặc webcam</translation>
    </message>
    <message>
        <source>Practice camera (made-up pictures)</source>
        <translation>Camera tập (hình dựng sẵn)</translation>
    </message>
    <message>
        <source>Smart card reader (PC/SC)</source>
        <translation>Đầu đọc thẻ thông minh (PC/SC)</translation>
    </message>
    <message>
        <source>Practice reader (a made-up citizen)</source>
        <translation>Đầu đọc tập (công dân giả định)</translation>
    </message>
    <message>
        <source>Scanner on this computer</source>
        <translation>Máy quét cắm vào máy tính này</translation>
    </message>
    <message>
        <source>Network scanner</source>
        <translation>Máy quét qua mạng</translation>
    </message>
    <message>
        <source>Pictures from a folder</source>
        <translation>Ảnh lấy từ thư mục</translation>
    </message>
    <message>
        <source>Practice scanner</source>
        <translation>Máy quét tập (giả lập)</translation>
    </message>
    <message>
        <source>Other device ({name})</source>
        <translation>Thiết bị khác ({name})</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>This counter</source>
        <translation>Quầy này</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <source>Signing and voice</source>
        <translation>Ký số và giọng đọc</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Quy định</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>&amp;Hủy</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked in red.</source>
        <translation>Chưa lưu gì cả: hãy sửa các mục được đánh dấu đỏ.</translation>
    </message>
</context>
<context>
    <name>SetupAdminDialog</name>
    <message>
        <source>Create the administrator account</source>
        <translation>Tạo tài khoản quản trị</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <source>&amp;Password (8 characters or more):</source>
        <translation>&amp;Mật khẩu (từ 8 ký tự trở lên):</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>&amp;Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <source>C&amp;reate and log in</source>
        <translation>Tạo và đăn&amp;g nhập</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>Để &amp;sau</translation>
    </message>
    <message>
        <source>No officer account exists yet. Create the office administrator&apos;s account: the administrator then adds the officers&apos; accounts. Until then everyone can do everything on this computer.</source>
        <translation>Chưa có tài khoản cán bộ nào. Hãy tạo tài khoản cho quản trị viên của cơ quan: sau đó quản trị viên sẽ thêm tài khoản cho các cán bộ. Cho đến lúc đó, ai cũng làm được mọi việc trên máy này.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type them again.</source>
        <translation>Hai mật khẩu không khớp nhau. Hãy nhập lại.</translation>
    </message>
</context>
<context>
    <name>SignatureLevel</name>
    <message>
        <source>signed, no trusted timestamp yet</source>
        <translation>đã ký, chưa có dấu thời gian tin cậy</translation>
    </message>
    <message>
        <source>signed, with a trusted timestamp</source>
        <translation>đã ký, có dấu thời gian tin cậy</translation>
    </message>
    <message>
        <source>timestamp and revocation data inside the file: can be checked for years</source>
        <translation>có dấu thời gian và dữ liệu kiểm tra thu hồi ngay trong tệp: kiểm tra được lâu dài</translation>
    </message>
    <message>
        <source>like B-LT, with an archive timestamp</source>
        <translation>như B-LT, thêm dấu thời gian lưu trữ</translation>
    </message>
    <message>
        <source>{level}: {meaning}</source>
        <translation>{level}: {meaning}</translation>
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
        <source>unknown</source>
        <translation>không rõ</translation>
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
        <source>USB signing token or signing card</source>
        <translation>thiết bị ký số (USB token hoặc thẻ)</translation>
    </message>
    <message>
        <source>remote signing service</source>
        <translation>dịch vụ ký số từ xa</translation>
    </message>
    <message>
        <source>simulated signing token (training)</source>
        <translation>thiết bị ký số mô phỏng (tập huấn)</translation>
    </message>
    <message>
        <source>Signing token removed: {label}. Plug it in again to sign.</source>
        <translation>Đã rút thiết bị ký số: {label}. Hãy cắm lại để ký.</translation>
    </message>
    <message>
        <source>Signing token plugged in: {label}</source>
        <translation>Đã cắm thiết bị ký số: {label}</translation>
    </message>
    <message>
        <source>Signing token: {labels}</source>
        <translation>Thiết bị ký số: {labels}</translation>
    </message>
    <message>
        <source>No signing token is plugged in.</source>
        <translation>Chưa cắm thiết bị ký số nào.</translation>
    </message>
    <message>
        <source>Every document is already signed.</source>
        <translation>Mọi văn bản đều đã được ký.</translation>
    </message>
    <message>
        <source>Signed {done} document(s); the timestamp is added when the network is back.</source>
        <translation>Đã ký {done} văn bản; dấu thời gian sẽ được bổ sung khi có mạng.</translation>
    </message>
    <message>
        <source>Signed {done} of {total} document(s); sign the others again after fixing the problem.</source>
        <translation>Đã ký {done}/{total} văn bản; hãy ký lại các văn bản còn lại sau khi khắc phục sự cố.</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>đã ký, có dấu thời gian, kiểm tra được lâu dài</translation>
    </message>
    <message>
        <source>completion failed</source>
        <translation>đã ký, nhưng chưa gắn được dấu thời gian</translation>
    </message>
    <message>
        <source>waiting for the network</source>
        <translation>đã ký, chờ có mạng để gắn dấu thời gian</translation>
    </message>
    <message>
        <source>When the network is back: {target}</source>
        <translation>Khi có mạng trở lại: {target}</translation>
    </message>
    <message>
        <source>signing token</source>
        <translation>thiết bị ký số</translation>
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
    <name>SigningSection</name>
    <message>
        <source>Test the to&amp;ken</source>
        <translation>&amp;Thử thiết bị ký</translation>
    </message>
    <message>
        <source>Signing token &amp;library (PKCS#11):</source>
        <translation>Thư viện thiết &amp;bị ký số (PKCS#11):</translation>
    </message>
    <message>
        <source>the file the token&apos;s maker installs; empty: no token here</source>
        <translation>tệp do phần mềm của thiết bị ký số cài đặt; để trống: quầy không có thiết bị ký số</translation>
    </message>
    <message>
        <source>Signing ke&amp;y number:</source>
        <translation>&amp;Số hiệu khóa ký:</translation>
    </message>
    <message>
        <source>empty: the token&apos;s only signing key</source>
        <translation>để trống: dùng khóa ký duy nhất trên thiết bị</translation>
    </message>
    <message>
        <source>Call &amp;numbers aloud on the display screen</source>
        <translation>Đọc số &amp;gọi trên màn hình hiển thị</translation>
    </message>
    <message>
        <source>Voice v&amp;olume:</source>
        <translation>Â&amp;m lượng giọng đọc:</translation>
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
        <source>Needs your attention</source>
        <translation>Cần anh/chị xử lý</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>&amp;Open the dossier</source>
        <translation>&amp;Mở hồ sơ</translation>
    </message>
    <message>
        <source>Send &amp;again</source>
        <translation>Gửi &amp;lại</translation>
    </message>
    <message>
        <source>After correcting the dossier, send the refused change again.</source>
        <translation>Sau khi sửa hồ sơ, gửi lại thay đổi bị từ chối.</translation>
    </message>
    <message>
        <source>&amp;Mark as seen</source>
        <translation>Đánh &amp;dấu đã xem</translation>
    </message>
    <message>
        <source>The province&apos;s change is kept in the record; it is just no longer listed here.</source>
        <translation>Thay đổi của tỉnh vẫn được lưu trong hồ sơ, chỉ không hiện ở danh sách này nữa.</translation>
    </message>
    <message>
        <source>Refused by the province: {reason}</source>
        <translation>Tỉnh từ chối: {reason}</translation>
    </message>
    <message>
        <source>The province set &quot;{wanted}&quot; but here the dossier is &quot;{local}&quot;: {reason}</source>
        <translation>Tỉnh đặt trạng thái &quot;{wanted}&quot; nhưng trên máy hồ sơ đang &quot;{local}&quot;: {reason}</translation>
    </message>
    <message>
        <source>Syncing with the provincial system…</source>
        <translation>Đang đồng bộ với hệ thống của tỉnh…</translation>
    </message>
    <message>
        <source>Sync finished: {n} change(s) sent.</source>
        <translation>Đã đồng bộ xong: đã gửi {n} thay đổi.</translation>
    </message>
    <message>
        <source>{n} change(s) received from the province.</source>
        <translation>Đã nhận {n} thay đổi từ tỉnh.</translation>
    </message>
    <message>
        <source>Sync did not finish ({n} change(s) sent): {reason}</source>
        <translation>Chưa đồng bộ xong (đã gửi {n} thay đổi): {reason}</translation>
    </message>
    <message>
        <source>The sync is taking long: it goes on in the background.</source>
        <translation>Đồng bộ đang lâu: việc này vẫn tiếp tục chạy ngầm.</translation>
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
<context>
    <name>TicketPickDialog</name>
    <message>
        <source>Call a ticket out of turn</source>
        <translation>Gọi một số không theo thứ tự</translation>
    </message>
    <message>
        <source>Ticket number, e.g. A012</source>
        <translation>Số phiếu, ví dụ A012</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Số phiếu:</translation>
    </message>
    <message>
        <source>&amp;Waiting tickets:</source>
        <translation>&amp;Các số đang chờ:</translation>
    </message>
    <message>
        <source>Nobody is waiting.</source>
        <translation>Không có ai đang chờ.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Encrypted data</source>
        <translation>Dữ liệu được mã hoá</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Mật khẩu dữ liệu:</translation>
    </message>
    <message>
        <source>The data of this counter is encrypted. Type the workspace passphrase to open it.</source>
        <translation>Dữ liệu của quầy này đã được mã hoá. Hãy nhập mật khẩu của vùng dữ liệu để mở.</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>Hãy nhập mật khẩu trước.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Officer accounts</source>
        <translation>Tài khoản cán bộ</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Counter &amp;officer</source>
        <translation>&amp;Cán bộ một cửa</translation>
    </message>
    <message>
        <source>Office l&amp;eader</source>
        <translation>&amp;Lãnh đạo cơ quan</translation>
    </message>
    <message>
        <source>Office a&amp;dministrator</source>
        <translation>&amp;Quản trị cơ quan</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Vai trò:</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
    <message>
        <source>&amp;Add account</source>
        <translation>Tạo tài kh&amp;oản</translation>
    </message>
    <message>
        <source>Save &amp;roles</source>
        <translation>Lưu &amp;vai trò</translation>
    </message>
    <message>
        <source>Set pass&amp;word</source>
        <translation>Đặt mật khẩ&amp;u</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>Thu hồ&amp;i</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>đã thu hồi</translation>
    </message>
    <message>
        <source>active</source>
        <translation>đang dùng</translation>
    </message>
    <message>
        <source>Allow a&amp;gain</source>
        <translation>Cho &amp;phép lại</translation>
    </message>
    <message>
        <source>Account {user} created.</source>
        <translation>Đã tạo tài khoản {user}.</translation>
    </message>
    <message>
        <source>Roles of {user} saved.</source>
        <translation>Đã lưu vai trò của {user}.</translation>
    </message>
    <message>
        <source>New password of {user} saved.</source>
        <translation>Đã lưu mật khẩu mới của {user}.</translation>
    </message>
    <message>
        <source>{user} can no longer log in.</source>
        <translation>{user} không còn đăng nhập được nữa.</translation>
    </message>
    <message>
        <source>{user} can log in again.</source>
        <translation>{user} đã có thể đăng nhập lại.</translation>
    </message>
</context>
<context>
    <name>WorkProfileDialog</name>
    <message>
        <source>Work profile of this counter</source>
        <translation>Phân công dịch vụ của quầy</translation>
    </message>
    <message>
        <source>&amp;Name shown on the display:</source>
        <translation>&amp;Tên hiện trên màn hình:</translation>
    </message>
    <message>
        <source>Services strictly in the order listed</source>
        <translation>Lần lượt theo đúng thứ tự dịch vụ</translation>
    </message>
    <message>
        <source>The longest-waiting ticket of these services</source>
        <translation>Số chờ lâu nhất trong các dịch vụ này</translation>
    </message>
    <message>
        <source>Calling &amp;mode:</source>
        <translation>Cách &amp;gọi số:</translation>
    </message>
    <message>
        <source>&amp;Services this counter calls (Space ticks, Alt+Up/Alt+Down moves):</source>
        <translation>&amp;Dịch vụ quầy này gọi (phím cách để chọn, Alt+↑/Alt+↓ để đổi thứ tự):</translation>
    </message>
    <message>
        <source>No service ticked: the counter calls every service.</source>
        <translation>Không chọn dịch vụ nào: quầy gọi tất cả các dịch vụ.</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Chuyển &amp;lên</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Chuyển &amp;xuống</translation>
    </message>
</context>
</TS>
