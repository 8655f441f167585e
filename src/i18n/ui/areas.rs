//! The labels of the areas screen (`ui/areas`).

use crate::i18n::Lang;

texts! {
    rename: "改名", "Rename";
    status_in_use: "启用", "In use";
    col_kind: "类型", "Kind";
    col_secretaries: "书记数", "Secretaries";
    areas_title: "片区", "Areas";
    branches_title: "党支部", "Branches";
    new_area_name: "新片区名称", "New area name";
    new_branch_name: "新支部名称", "New branch name";
    add_area: "添加片区", "Add area";
    add_branch: "添加支部", "Add branch";
    name_required: "名称不能为空", "The name cannot be empty";
    name_taken: "已有同名记录", "That name is already used";
}
